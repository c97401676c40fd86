// Every number the stats API gives, checked against truth computed from the pushes themselves:
// generated streams pushed through the real webhook (duplicates included), in three zones chosen
// for their edges — both sides of midnight in Shanghai, the DST changes in New York, Kolkata's
// half-hour offset.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparisonRangeOf, type Comparison } from "@/lib/time/comparison";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { createChannel } from "@/lib/channels/create-channel";
import { createStatsApi, pushToWebhook, type StatsApi } from "@/tests/support/stats-api";
import {
  computeTruth,
  expectedChannelRow,
  expectedHourlySeries,
  expectedRetention,
  expectedSeries,
  expectedSummary,
  generateStream,
  mulberry32,
  zoneDay,
  type StreamPush,
  type Truth,
} from "@/tests/support/analytics-truth";

let app: TestApp;
let api: StatsApi;
beforeAll(async () => {
  app = await startTestApp();
  api = await createStatsApi();
});
afterAll(async () => {
  await app.close();
});

interface Scenario {
  timeZone: string;
  mode: "plaintext" | "compatible" | "safe";
  window: [string, string];
  /** Instants (UTC) the stream must contain. */
  pinned: string[];
  ranges: [string, string][];
  hourRanges: [string, string][];
  seed: number;
}

const scenarios: Scenario[] = [
  {
    timeZone: "Asia/Shanghai",
    mode: "safe",
    window: ["2024-01-25", "2024-03-05"],
    // 23:59:59 and 00:00:00 local around 1 February and 1 March (a leap year's 29 February).
    pinned: [
      "2024-01-31T15:59:59Z",
      "2024-01-31T16:00:00Z",
      "2024-02-29T15:59:59Z",
      "2024-02-29T16:00:00Z",
      "2024-02-04T16:00:00Z",
      "2024-02-04T15:59:58Z",
    ],
    ranges: [
      ["2024-01-25", "2024-03-05"],
      ["2024-02-01", "2024-02-29"],
      ["2024-01-31", "2024-01-31"],
      ["2024-02-01", "2024-02-01"],
      ["2024-02-05", "2024-02-18"],
    ],
    hourRanges: [["2024-01-31", "2024-02-01"]],
    seed: 8,
  },
  {
    timeZone: "America/New_York",
    mode: "plaintext",
    window: ["2024-10-27", "2024-11-10"],
    // 01:30 EDT and 01:30 EST on 3 November (the repeated hour); midnight after it; 01:59:59 EST
    // and 03:00 EDT on 10 March (the skipped hour).
    pinned: [
      "2024-11-03T05:30:00Z",
      "2024-11-03T06:30:00Z",
      "2024-11-04T04:59:59Z",
      "2024-11-04T05:00:00Z",
      "2024-03-10T06:59:59Z",
      "2024-03-10T07:00:00Z",
      "2024-03-10T04:59:59Z",
      "2024-03-10T05:00:00Z",
    ],
    ranges: [
      ["2024-10-27", "2024-11-10"],
      ["2024-11-03", "2024-11-03"],
      ["2024-03-10", "2024-03-10"],
      ["2024-03-01", "2024-11-30"],
    ],
    hourRanges: [
      ["2024-11-03", "2024-11-03"],
      ["2024-03-09", "2024-03-11"],
    ],
    seed: 5,
  },
  {
    timeZone: "Asia/Kolkata",
    mode: "compatible",
    window: ["2024-06-24", "2024-07-08"],
    // 23:59:59 and 00:00 IST on 30 June / 1 July; a local hour boundary at half past in UTC.
    pinned: ["2024-06-30T18:29:59Z", "2024-06-30T18:30:00Z", "2024-07-01T05:29:59Z", "2024-07-01T05:30:00Z"],
    ranges: [
      ["2024-06-24", "2024-07-08"],
      ["2024-06-30", "2024-06-30"],
      ["2024-07-01", "2024-07-07"],
      ["2024-06-01", "2024-07-31"],
    ],
    hourRanges: [["2024-06-30", "2024-07-01"]],
    seed: 3,
  },
];

interface Setup {
  accountId: string;
  truth: Truth;
  channels: { id: string; scene: string; name: string; group: string | null }[];
  filters: { label: string; params: { channelIds?: string; groups?: string }; scenes: Set<string> }[];
}

async function pushAll(accountId: string, pushes: StreamPush[], seed: number): Promise<void> {
  const random = mulberry32(seed);
  for (const push of pushes) {
    const roll = random();
    // WeChat retries: some pushes arrive twice in a row, some twice at the same moment.
    const copies =
      roll < 0.06
        ? await Promise.all([
            pushToWebhook(app.server.url, accountId, push),
            pushToWebhook(app.server.url, accountId, push),
          ])
        : [await pushToWebhook(app.server.url, accountId, push)];
    if (roll > 0.9) copies.push(await pushToWebhook(app.server.url, accountId, push));
    for (const [status] of copies) expect(status).toBe(200);
  }
}

async function setUp(scenario: Scenario): Promise<Setup> {
  const account = await createAccount(
    sandboxAccountInput(app.server, { mode: scenario.mode, timezone: scenario.timeZone }),
  );
  const specs = [
    { name: "Poster — Store 12", group: "Stores" },
    { name: "Poster — Store 7", group: "Stores" },
    { name: "Expo booth", group: "Events" },
    { name: "KOL Anna", group: null, scene: "kol-anna" },
  ];
  const channels = [];
  for (const spec of specs) {
    const channel = await createChannel({
      accountId: account.id,
      name: spec.name,
      group: spec.group,
      ...(spec.scene ? { qr: { kind: "permanent" as const, scene: spec.scene } } : {}),
    });
    channels.push({ id: channel.id, scene: channel.scene, name: channel.name, group: channel.group });
  }
  const scenes = channels.map((channel) => channel.scene);
  const pushes = generateStream({
    scenes,
    foreignScene: "made-elsewhere",
    pinned: scenario.pinned.map((at) => Date.parse(at)),
    startMs: Date.parse(`${scenario.window[0]}T00:00:00Z`),
    endMs: Date.parse(`${scenario.window[1]}T00:00:00Z`),
    randomCount: 110,
    seed: scenario.seed,
  });
  await pushAll(account.id, pushes, scenario.seed);
  const [a, b, c, d] = channels;
  return {
    accountId: account.id,
    truth: computeTruth(pushes, scenario.timeZone, scenes),
    channels,
    filters: [
      { label: "all channels", params: {}, scenes: new Set(scenes) },
      { label: "one channel", params: { channelIds: a!.id }, scenes: new Set([a!.scene]) },
      { label: "a group", params: { groups: "Stores" }, scenes: new Set([a!.scene, b!.scene]) },
      { label: "two groups", params: { groups: "Stores,Events" }, scenes: new Set([a!.scene, b!.scene, c!.scene]) },
      {
        label: "channels across groups",
        params: { channelIds: `${a!.id},${d!.id}` },
        scenes: new Set([a!.scene, d!.scene]),
      },
      {
        label: "channels and a group",
        params: { channelIds: `${a!.id},${c!.id}`, groups: "Stores" },
        scenes: new Set([a!.scene]),
      },
    ],
  };
}

describe.each(scenarios)("analytics in $timeZone", (scenario) => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await setUp(scenario);
  }, 120_000);

  it("stored each distinct push once, whatever the retries", async () => {
    expect(await app.db.event.count({ where: { accountId: setup.accountId } })).toBe(setup.truth.events.length);
    // The stream is not trivial: every kind of event is there, in and out of the channels.
    const types = new Set(
      setup.truth.events.map(
        (event) =>
          `${event.type}:${event.scene === "" ? "none" : setup.truth.ownedScenes.has(event.scene) ? "channel" : "foreign"}`,
      ),
    );
    expect(types).toEqual(
      new Set([
        "subscribe:channel",
        "subscribe:foreign",
        "subscribe:none",
        "scan:channel",
        "scan:foreign",
        "unsubscribe:channel",
        "unsubscribe:none",
        "unsubscribe:foreign",
      ]),
    );
  });

  it("gives summaries with the previous period equal to the truth, for every range and filter", async () => {
    for (const [from, to] of scenario.ranges) {
      for (const filter of setup.filters) {
        const summary = await api.json("summary", { accountId: setup.accountId, from, to, ...filter.params });
        expect(summary, `${from}..${to}, ${filter.label}`).toEqual(
          expectedSummary(setup.truth, filter.scenes, from, to),
        );
      }
    }
  });

  it("compares with the previous month, the same period last year or a custom range, equal to the truth", async () => {
    const [from, to] = scenario.ranges[0]!;
    const [otherFrom, otherTo] = scenario.ranges.at(-1)!;
    const comparisons: [Record<string, string>, Comparison][] = [
      [{ compare: "previousMonth" }, { kind: "previousMonth" }],
      [{ compare: "previousYear" }, { kind: "previousYear" }],
      [
        { compare: "custom", compareFrom: otherFrom, compareTo: otherTo },
        { kind: "custom", range: { from: otherFrom, to: otherTo } },
      ],
    ];
    for (const filter of setup.filters) {
      for (const [params, comparison] of comparisons) {
        const summary = await api.json("summary", {
          accountId: setup.accountId,
          from,
          to,
          ...filter.params,
          ...params,
        });
        expect(summary, `${from}..${to} against ${JSON.stringify(params)}, ${filter.label}`).toEqual(
          expectedSummary(setup.truth, filter.scenes, from, to, comparisonRangeOf({ from, to }, comparison)),
        );
      }
    }
  });

  it("gives day, week and month series equal to the truth, every bucket present", async () => {
    for (const [from, to] of scenario.ranges) {
      for (const filter of setup.filters) {
        for (const interval of ["day", "week", "month"] as const) {
          const series = await api.json<{ points: unknown[]; timezone: string }>("timeseries", {
            accountId: setup.accountId,
            from,
            to,
            interval,
            ...filter.params,
          });
          expect(series.timezone).toBe(scenario.timeZone);
          expect(series.points, `${interval} ${from}..${to}, ${filter.label}`).toEqual(
            expectedSeries(setup.truth, filter.scenes, from, to, interval),
          );
        }
      }
    }
  });

  it("gives hourly series on the zone's own hours", async () => {
    for (const [from, to] of scenario.hourRanges) {
      for (const filter of setup.filters.slice(0, 3)) {
        const series = await api.json<{ points: unknown[] }>("timeseries", {
          accountId: setup.accountId,
          from,
          to,
          interval: "hour",
          ...filter.params,
        });
        expect(series.points, `hours ${from}..${to}, ${filter.label}`).toEqual(
          expectedHourlySeries(setup.truth, filter.scenes, from, to),
        );
      }
    }
  });

  it("gives the per-channel table, retention included, equal to the truth", async () => {
    const today = zoneDay(Date.now(), scenario.timeZone);
    for (const [from, to] of scenario.ranges) {
      for (const filter of setup.filters) {
        const { rows } = await api.json<{ rows: Record<string, unknown>[] }>("channels", {
          accountId: setup.accountId,
          from,
          to,
          ...filter.params,
        });
        const expected = setup.channels
          .filter((channel) => filter.scenes.has(channel.scene))
          .map((channel) => ({
            channelId: channel.id,
            name: channel.name,
            group: channel.group,
            scene: channel.scene,
            isArchived: false,
            ...expectedChannelRow(setup.truth, channel.scene, from, to, today),
          }));
        const byId = (x: Record<string, unknown>, y: Record<string, unknown>) =>
          String(x.channelId).localeCompare(String(y.channelId));
        expect([...rows].sort(byId), `${from}..${to}, ${filter.label}`).toEqual(expected.sort(byId));
        // Busiest first.
        expect(rows.map((row) => row.scans)).toEqual([...rows.map((row) => row.scans as number)].sort((x, y) => y - x));
      }
    }
  });

  it("gives a retention curve that starts at 100% and matches the truth on days 1, 7 and 30", async () => {
    const [from, to] = scenario.ranges[0]!;
    const channel = setup.channels[0]!;
    const { points } = await api.json<{
      points: { day: number; eligible: number; retained: number; rate: number | null }[];
    }>("retention", {
      accountId: setup.accountId,
      from,
      to,
      channelIds: channel.id,
    });
    expect(points).toHaveLength(31);
    const truth = expectedRetention(setup.truth, channel.scene, from, to, zoneDay(Date.now(), scenario.timeZone));
    expect([points[1]!.rate, points[7]!.rate, points[30]!.rate]).toEqual([truth.d1, truth.d7, truth.d30]);
    expect(points[0]!.rate).toBe(1);
    expect(points.every((point, index) => index === 0 || point.retained <= points[index - 1]!.retained)).toBe(true);
  });
});

describe("retention of recent follows", () => {
  it("counts a follow for day N only once it is N days old", async () => {
    const timeZone = "Asia/Shanghai";
    const account = await createAccount(sandboxAccountInput(app.server, { mode: "plaintext", timezone: timeZone }));
    const channel = await createChannel({ accountId: account.id, name: "Fresh poster" });
    const now = Math.floor(Date.now() / 1000);
    const day = 86_400;
    const follow = (openid: string, at: number): StreamPush => ({
      openid,
      createTime: at,
      event: "subscribe",
      eventKey: `qrscene_${channel.scene}`,
    });
    const unfollow = (openid: string, at: number): StreamPush => ({
      openid,
      createTime: at,
      event: "unsubscribe",
      eventKey: "",
    });
    const pushes = [
      follow("oOld1xxxxxxxxxxxxxxxxxxxxxxx", now - 45 * day),
      unfollow("oOld1xxxxxxxxxxxxxxxxxxxxxxx", now - 42 * day),
      follow("oOld2xxxxxxxxxxxxxxxxxxxxxxx", now - 40 * day),
      follow("oWeek1xxxxxxxxxxxxxxxxxxxxxx", now - 10 * day),
      unfollow("oWeek1xxxxxxxxxxxxxxxxxxxxxx", now - 10 * day + 60),
      follow("oWeek2xxxxxxxxxxxxxxxxxxxxxx", now - 9 * day),
      follow("oNew1xxxxxxxxxxxxxxxxxxxxxxx", now - 2 * day),
      follow("oNew2xxxxxxxxxxxxxxxxxxxxxxx", now - 60),
    ];
    for (const push of pushes) expect((await pushToWebhook(app.server.url, account.id, push))[0]).toBe(200);
    const truth = computeTruth(pushes, timeZone, [channel.scene]);
    const today = zoneDay(Date.now(), timeZone);
    const from = zoneDay((now - 60 * day) * 1000, timeZone);
    const { rows } = await api.json<{ rows: { retention: unknown }[] }>("channels", {
      accountId: account.id,
      from,
      to: today,
    });
    const expected = expectedRetention(truth, channel.scene, from, today, today);
    expect(rows[0]!.retention).toEqual(expected);
    // Not a vacuous check: d1 has more eligible follows than d30, and someone left.
    expect(expected.d1).not.toBeNull();
    expect(expected.d30).not.toBe(expected.d1);
  });
});

describe("arrival order", () => {
  it("counts unique scanners exactly whatever order the pushes arrive in", async () => {
    const timeZone = "America/New_York";
    const account = await createAccount(sandboxAccountInput(app.server, { mode: "plaintext", timezone: timeZone }));
    const channels = [];
    for (const name of ["Door A", "Door B", "Door C"])
      channels.push(await createChannel({ accountId: account.id, name, group: "Doors" }));
    const scenes = channels.map((channel) => channel.scene);
    const random = mulberry32(11);
    const start = Date.parse("2024-10-25T00:00:00Z");
    // Followers from before Qudao scanning the doors over three weeks (DST ends on 3 November),
    // delivered in a random order: late pushes land before days already counted.
    const seconds = new Set<number>();
    while (seconds.size < 90) seconds.add(Math.floor((start + random() * 21 * 86_400_000) / 1000));
    const pushes: StreamPush[] = [...seconds].map((createTime) => ({
      openid: `oDoor${Math.floor(random() * 7)}${"x".repeat(22)}`,
      createTime,
      event: "SCAN",
      eventKey: scenes[Math.floor(random() * scenes.length)]!,
    }));
    const shuffled = [...pushes].sort(() => random() - 0.5);
    for (const push of shuffled) expect((await pushToWebhook(app.server.url, account.id, push))[0]).toBe(200);
    const truth = computeTruth(pushes, timeZone, scenes);
    const filters = [
      { params: {}, scenes: new Set(scenes) },
      { params: { channelIds: channels[1]!.id }, scenes: new Set([scenes[1]!]) },
      { params: { channelIds: `${channels[0]!.id},${channels[2]!.id}` }, scenes: new Set([scenes[0]!, scenes[2]!]) },
    ];
    const ranges: [string, string][] = [
      ["2024-10-25", "2024-11-14"],
      ["2024-11-01", "2024-11-07"],
      ["2024-10-30", "2024-10-30"],
      ["2024-11-03", "2024-11-10"],
    ];
    const pick = ({ scans, uniqueScanners }: { scans: number; uniqueScanners: number }) => ({ scans, uniqueScanners });
    for (const [from, to] of ranges) {
      for (const filter of filters) {
        const summary = await api.json<{
          scans: number;
          uniqueScanners: number;
          previous: { scans: number; uniqueScanners: number };
        }>("summary", { accountId: account.id, from, to, ...filter.params });
        const expected = expectedSummary(truth, filter.scenes, from, to);
        expect([pick(summary), pick(summary.previous)], `${from}..${to}`).toEqual([
          pick(expected),
          pick(expected.previous),
        ]);
        for (const interval of ["day", "week"] as const) {
          const series = await api.json<{ points: { scans: number; uniqueScanners: number }[] }>("timeseries", {
            accountId: account.id,
            from,
            to,
            interval,
            ...filter.params,
          });
          expect(series.points.map(pick)).toEqual(expectedSeries(truth, filter.scenes, from, to, interval).map(pick));
        }
      }
      const { rows } = await api.json<{ rows: { scene: string; scans: number; uniqueScanners: number }[] }>(
        "channels",
        { accountId: account.id, from, to },
      );
      for (const row of rows)
        expect(pick(row)).toEqual(pick(expectedChannelRow(truth, row.scene, from, to, "2024-12-31")));
    }
  });
});
