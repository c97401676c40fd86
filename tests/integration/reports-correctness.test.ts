// Every report file, parsed back, says exactly what the stats API says: generated pushes (retries
// included) through the real webhook, then each report in each format compared figure by figure
// with GET /api/stats/* for the same query — in Shanghai and in New York across a DST change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { createChannel } from "@/lib/channels/create-channel";
import { createStatsApi, pushToWebhook, type StatsApi } from "@/tests/support/stats-api";
import { generateStream, zoneDay } from "@/tests/support/analytics-truth";
import {
  createReportsApi,
  parseCsvReport,
  parseXlsxReport,
  type FileCell,
  type ParsedSheet,
  type ReportDownload,
  type ReportResource,
} from "@/tests/support/report-files";
import type { ChannelStats, Summary, Timeseries } from "@/lib/schemas/stats";
import zhMetrics from "@/lib/i18n/messages/zh/metrics.json";

let app: TestApp;
let stats: StatsApi;
let reports: Awaited<ReturnType<typeof createReportsApi>>;
beforeAll(async () => {
  app = await startTestApp();
  stats = await createStatsApi();
  reports = await createReportsApi();
});
afterAll(async () => {
  await app.close();
});

const channelHeader = [
  "Channel ID",
  "Channel",
  "Group",
  "Scene",
  "Scans",
  "Unique scanners",
  "New follows",
  "Unfollows",
  "Net follows",
  "Retention day 1",
  "Retention day 7",
  "Retention day 30",
];
const countHeader = ["Scans", "Unique scanners", "New follows", "Unfollows", "Net follows"];

const scenarios = [
  { timeZone: "Asia/Shanghai", window: ["2024-01-25", "2024-03-05"], range: ["2024-02-01", "2024-02-29"], seed: 8 },
  { timeZone: "America/New_York", window: ["2024-10-20", "2024-11-12"], range: ["2024-10-27", "2024-11-10"], seed: 5 },
] as const;

async function download(resource: ReportResource, params: Record<string, string | undefined>): Promise<ReportDownload> {
  const file = await reports.get(resource, params);
  if (file.status !== 200) throw new Error(`${resource} answered ${file.status}: ${file.bytes.toString("utf8")}`);
  return file;
}

async function sheetsOf(
  file: ReportDownload,
  format: "csv" | "xlsx",
  textColumns: number[] = [],
): Promise<ParsedSheet[]> {
  return format === "csv" ? [parseCsvReport(file.bytes, textColumns)] : parseXlsxReport(file.bytes);
}

/** A retention fraction as each format carries it: 4 decimals in CSV, the exact value in XLSX. */
function retentionCell(value: number | null, format: "csv" | "xlsx"): FileCell {
  if (value === null) return null;
  return format === "csv" ? Number(value.toFixed(4)) : value;
}

function countCells(counts: Record<"scans" | "uniqueScanners" | "newFollows" | "unfollows" | "netFollows", number>) {
  return [counts.scans, counts.uniqueScanners, counts.newFollows, counts.unfollows, counts.netFollows];
}

describe.each(scenarios)("reports in $timeZone", (scenario) => {
  let accountId: string;
  let channels: { id: string; name: string; group: string | null }[];
  const [from, to] = scenario.range;

  beforeAll(async () => {
    const account = await createAccount(sandboxAccountInput(app.server, { timezone: scenario.timeZone }));
    accountId = account.id;
    channels = [];
    for (const spec of [
      { name: 'Poster, Store 12 "east"', group: "Stores" },
      { name: "门店 7 海报", group: "Stores" },
      { name: '=HYPERLINK("http://x","click")', group: "Events" },
      { name: "KOL Anna", group: null },
    ]) {
      const channel = await createChannel({ accountId, name: spec.name, group: spec.group });
      channels.push({ id: channel.id, name: channel.name, group: channel.group });
    }
    const scenes = (await app.db.channel.findMany({ where: { accountId }, select: { scene: true } })).map(
      (channel) => channel.scene,
    );
    const pushes = generateStream({
      scenes,
      foreignScene: "made-elsewhere",
      pinned: [],
      startMs: Date.parse(`${scenario.window[0]}T00:00:00Z`),
      endMs: Date.parse(`${scenario.window[1]}T00:00:00Z`),
      randomCount: 120,
      seed: scenario.seed,
    });
    for (const [index, push] of pushes.entries()) {
      const copies = index % 9 === 0 ? 2 : 1;
      for (let copy = 0; copy < copies; copy += 1) {
        const [status] = await pushToWebhook(app.server.url, accountId, push);
        expect(status).toBe(200);
      }
    }
  }, 120_000);

  const filters = () => [
    { label: "all channels", params: {} },
    { label: "a group", params: { groups: "Stores" } },
    { label: "one channel", params: { channelIds: channels[2]!.id } },
  ];

  it.each(["csv", "xlsx"] as const)("the channels report (%s) has the stats API's rows, exactly", async (format) => {
    for (const filter of filters()) {
      const query = { accountId, from, to, ...filter.params };
      const expected = await stats.json<ChannelStats>("channels", query);
      const [sheet] = await sheetsOf(await download("channels", { ...query, format }), format, [0, 1, 2, 3]);
      expect(sheet!.header).toEqual(channelHeader);
      expect(sheet!.rows, filter.label).toEqual(
        expected.rows.map((row) => [
          row.channelId,
          format === "csv" && row.name.startsWith("=") ? `'${row.name}` : row.name,
          row.group,
          row.scene,
          ...countCells(row),
          retentionCell(row.retention.d1, format),
          retentionCell(row.retention.d7, format),
          retentionCell(row.retention.d30, format),
        ]),
      );
    }
    expect(
      (await stats.json<ChannelStats>("channels", { accountId, from, to })).rows.some((row) => row.scans > 0),
    ).toBe(true);
  });

  it.each([
    ["csv", "day"],
    ["xlsx", "week"],
    ["csv", "month"],
  ] as const)("the timeseries report (%s, by %s) has every bucket of the stats API", async (format, interval) => {
    for (const filter of filters()) {
      const query = { accountId, from, to, ...filter.params };
      const expected = await stats.json<Timeseries>("timeseries", { ...query, interval });
      const [sheet] = await sheetsOf(await download("timeseries", { ...query, format, interval }), format);
      expect(sheet!.header).toEqual(["Start", "End", ...countHeader]);
      expect(sheet!.rows, filter.label).toEqual(
        expected.points.map((point) => [point.start, point.end ?? point.start, ...countCells(point)]),
      );
    }
  });

  it.each([
    ["xlsx", "day"],
    ["csv", "week"],
  ] as const)("the per-channel timeseries (%s, by %s) matches each channel's own series", async (format, interval) => {
    const [sheet] = await sheetsOf(
      await download("timeseries", { accountId, from, to, format, interval, perChannel: "true" }),
      format,
      [2, 3],
    );
    expect(sheet!.header).toEqual(["Start", "End", "Channel ID", "Channel", ...countHeader]);
    for (const channel of channels) {
      const expected = await stats.json<Timeseries>("timeseries", {
        accountId,
        from,
        to,
        interval,
        channelIds: channel.id,
      });
      const rows = sheet!.rows.filter((row) => row[2] === channel.id);
      expect(
        rows.map((row) => [row[0], row[1], ...row.slice(4)]),
        channel.name,
      ).toEqual(expected.points.map((point) => [point.start, point.end ?? point.start, ...countCells(point)]));
    }
  });

  it("the workbook's sheets agree with the summary, the channel table and each channel's days", async () => {
    const query = { accountId, from, to, groups: "Stores,Events" };
    const [summarySheet, channelSheet, daySheet, definitions] = await parseXlsxReport(
      (await download("workbook", { ...query, lang: "zh" })).bytes,
    );
    expect([summarySheet!.name, channelSheet!.name, daySheet!.name, definitions!.name]).toEqual([
      "概览",
      "渠道",
      "渠道 × 日",
      "指标定义",
    ]);
    const summary = await stats.json<Summary>("summary", query);
    const metricRows = summarySheet!.rows.slice(-5);
    expect(metricRows).toEqual([
      [zhMetrics.scans.label, summary.scans, summary.previous.scans, summary.scans - summary.previous.scans],
      [
        zhMetrics.uniqueScanners.label,
        summary.uniqueScanners,
        summary.previous.uniqueScanners,
        summary.uniqueScanners - summary.previous.uniqueScanners,
      ],
      [
        zhMetrics.newFollows.label,
        summary.newFollows,
        summary.previous.newFollows,
        summary.newFollows - summary.previous.newFollows,
      ],
      [
        zhMetrics.unfollows.label,
        summary.unfollows,
        summary.previous.unfollows,
        summary.unfollows - summary.previous.unfollows,
      ],
      [
        zhMetrics.netFollows.label,
        summary.netFollows,
        summary.previous.netFollows,
        summary.netFollows - summary.previous.netFollows,
      ],
    ]);
    const channelRows = await stats.json<ChannelStats>("channels", query);
    expect(channelSheet!.header).toContain(zhMetrics.uniqueScanners.label);
    expect(channelSheet!.rows.map((row) => row.slice(0, 9))).toEqual(
      channelRows.rows.map((row) => [row.channelId, row.name, row.group, row.scene, ...countCells(row)]),
    );
    for (const row of channelRows.rows) {
      const expected = await stats.json<Timeseries>("timeseries", { accountId, from, to, channelIds: row.channelId });
      const days = daySheet!.rows.filter((dayRow) => dayRow[1] === row.channelId);
      expect(days.map((day) => [day[0], ...day.slice(3)])).toEqual(
        expected.points.map((point) => [point.start, ...countCells(point)]),
      );
    }
    expect(definitions!.rows.map((row) => row[0])).toContain(zhMetrics.retention.label);
  });

  it("the workbook's Summary sets the range beside the comparison it is asked for", async () => {
    const query = { accountId, from, to, compare: "custom", compareFrom: from, compareTo: from };
    const [summarySheet] = await parseXlsxReport((await download("workbook", { ...query, lang: "en" })).bytes);
    const summary = await stats.json<Summary>("summary", query);
    expect(summary.previousRange).toEqual({ from, to: from });
    expect(summarySheet!.header[2]).toBe("Compared with");
    expect(summarySheet!.rows.find((row) => row[0] === "Range")).toEqual([
      "Range",
      `${from} – ${to}`,
      `${from} – ${from}`,
      null,
    ]);
    expect(summarySheet!.rows.slice(-5).map((row) => row.slice(1))).toEqual(
      (["scans", "uniqueScanners", "newFollows", "unfollows", "netFollows"] as const).map((metric) => [
        summary[metric],
        summary.previous[metric],
        summary[metric] - summary.previous[metric],
      ]),
    );
  });

  it("the raw events CSV holds every stored event of the range, oldest first, in the account's zone", async () => {
    const file = await download("events", { accountId, from, to });
    const sheet = parseCsvReport(file.bytes, [0, 1, 2, 3, 4, 5]);
    expect(sheet.header).toEqual(["Time", "Event", "Channel ID", "Channel", "Scene", "OpenID"]);
    const stored = await app.db.event.findMany({ where: { accountId } });
    const inRange = stored.filter((event) => {
      const day = zoneDay(event.occurredAt.getTime(), scenario.timeZone);
      return day >= from && day <= to;
    });
    expect(sheet.rows.length).toBe(inRange.length);
    const times = sheet.rows.map((row) => Date.parse(String(row[0])));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // Every row is a stored event of the range, its time with the zone's offset, its own fields.
    const storedByKey = new Map(
      inRange.map((event) => [`${event.occurredAt.getTime()}|${event.openid}|${event.type}`, event]),
    );
    const channelNames = new Map(
      channels.map((channel) => [channel.id, channel.name.startsWith("=") ? `'${channel.name}` : channel.name]),
    );
    for (const row of sheet.rows) {
      expect(String(row[0])).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      const event = storedByKey.get(`${Date.parse(String(row[0]))}|${row[5]}|${row[1]}`);
      expect(event, JSON.stringify(row)).toBeDefined();
      expect(row[2]).toEqual(event!.channelId);
      expect(row[3], "the channel's name, a formula kept as text").toEqual(
        event!.channelId ? (channelNames.get(event!.channelId) ?? null) : null,
      );
      expect(String(row[4] ?? "")).toEqual(event!.scene);
      expect(zoneDay(Date.parse(String(row[0])), scenario.timeZone)).toBe(String(row[0]).slice(0, 10));
    }
    expect(sheet.rows.some((row) => row[3] === `'${channels[2]!.name}`)).toBe(true);
    expect(sheet.rows.some((row) => row[3] === channels[0]!.name)).toBe(true);
    const count = JSON.parse((await download("events/count", { accountId, from, to })).bytes.toString("utf8"));
    expect(count).toEqual({ count: sheet.rows.length });
    const summary = await stats.json<Summary>("summary", { accountId, from, to });
    const scanRows = sheet.rows.filter((row) => (row[1] === "scan" || row[1] === "subscribe") && row[2] !== null);
    expect(scanRows.length).toBe(summary.scans);
  });
});
