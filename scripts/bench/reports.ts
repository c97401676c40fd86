// Benchmark: the report downloads on a seeded history, through their route handlers, each against
// a baseline measured in the same run on the same rows:
// - the raw events CSV (every event of the history) against the database's own bulk read of the
//   same rows (SQLite: iterating the same SELECT with better-sqlite3; PostgreSQL: COPY … TO STDOUT),
//   as rows per second and peak RSS growth;
// - the workbook (Summary, Channels, Channel × day for channels × days, Definitions): seconds and
//   peak RSS growth;
// - the channels report (CSV) against GET /api/stats/channels for the same range: p95 ratio.
// Run on its own: `npx tsx scripts/bench/reports.ts [--events N --channels C --days D]` (a fresh
// SQLite file unless DATABASE_URL is set), or through `npm run bench -- --only reports`. Seeding
// 10 M events takes the better part of an hour: `--keep` leaves the seeded database and its
// prepared.json in a directory, and `--reuse <dir>` benches such a directory again — one kept by
// this script or by `npm run bench -- --only analytics --keep` (scripts/bench/index.ts).
import Sqlite from "better-sqlite3";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createApiKey } from "@/lib/auth/api-keys";
import { getDatabaseConfig } from "@/lib/db/client";
import { seedHistory } from "@/scripts/seed/seed-history";
import { summarize } from "@/scripts/bench/percentiles";
import {
  createBenchAccount,
  machineLine,
  prepareBenchDatabase,
  recordBenchmarkSection,
} from "@/scripts/bench/channels-bench-support";
import { GET as eventsRoute } from "@/app/api/reports/events/route";
import { GET as workbookRoute } from "@/app/api/reports/workbook/route";
import { GET as channelsReportRoute } from "@/app/api/reports/channels/route";
import { GET as channelStatsRoute } from "@/app/api/stats/channels/route";

const { values: flags } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    channels: { type: "string", default: "500" },
    days: { type: "string", default: "365" },
    runs: { type: "string", default: "20" },
    "no-report": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
  },
});
const number = (name: "events" | "channels" | "days" | "runs") => Number(String(flags[name]).replace(/_/g, ""));

type Route = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;

/** Peak resident memory above the level when it started, sampled every 10 ms. */
function watchMemory(): () => number {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage().rss) - baseline;
  };
}

async function drain(response: Response): Promise<{ bytes: number; lines: number }> {
  if (response.status !== 200) throw new Error(`answered ${response.status}: ${await response.text()}`);
  const reader = response.body!.getReader();
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes, lines };
    bytes += value.byteLength;
    for (let index = value.indexOf(0x0a); index >= 0; index = value.indexOf(0x0a, index + 1)) lines += 1;
  }
}

async function bulkReadSeconds(accountId: string): Promise<{ seconds: number; rows: number }> {
  const config = getDatabaseConfig();
  const started = performance.now();
  if (config.provider === "sqlite") {
    const db = new Sqlite(config.filePath, { readonly: true });
    let rows = 0;
    // Rows as arrays, as the export reads them: objects would cost the baseline, not the export, a property per column.
    const statement = db
      .prepare(
        `SELECT "occurredAt", "type", "channelId", "scene", "openid" FROM "Event" WHERE "accountId" = ? ORDER BY "occurredAt", "dedupeKey"`,
      )
      .raw(true);
    for (const row of statement.iterate(accountId) as Iterable<unknown[]>) if (row) rows += 1;
    db.close();
    return { seconds: (performance.now() - started) / 1000, rows };
  }
  if (!/^[a-z0-9]+$/.test(accountId)) throw new Error("unexpected account id");
  const client = new pg.Client({
    connectionString: config.url,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  await client.connect();
  try {
    const stream = client.query(
      copyTo(
        `COPY (SELECT "occurredAt", "type", "channelId", "scene", "openid" FROM "Event" WHERE "accountId" = '${accountId}' ORDER BY "occurredAt", "dedupeKey") TO STDOUT`,
      ),
    );
    let rows = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (let index = chunk.indexOf(0x0a); index >= 0; index = chunk.indexOf(0x0a, index + 1)) rows += 1;
    }
    return { seconds: (performance.now() - started) / 1000, rows };
  } finally {
    await client.end();
  }
}

/** What a kept directory's prepared.json holds (scripts/bench/index.ts writes more). */
interface KeptHistory {
  accountId: string;
  apiKey: string;
  databaseUrl: string;
  seed: { events: number; channelIds: string[]; firstDay: string; lastDay: string };
}

/** A seeded history: the kept one of --reuse, or a new one (kept with --keep). */
async function benchHistory(): Promise<{ database: string; history: KeptHistory; directory: string | null }> {
  if (flags.reuse) {
    const history = JSON.parse(readFileSync(join(flags.reuse, "prepared.json"), "utf8")) as KeptHistory;
    process.env.DATABASE_URL = history.databaseUrl;
    process.env.QUDAO_DATA_DIR = flags.reuse;
    return { database: await prepareBenchDatabase(), history, directory: flags.reuse };
  }
  const database = await prepareBenchDatabase();
  const account = await createBenchAccount("reports");
  console.log(`seeding ${number("events").toLocaleString("en")} events on ${database} …`);
  const seed = await seedHistory({
    events: number("events"),
    channels: number("channels"),
    days: number("days"),
    accountId: account.id,
  });
  console.log(`seeded in ${seed.seconds.toFixed(0)} s (${seed.firstDay} … ${seed.lastDay})`);
  const { key } = await createApiKey({ name: "reports bench", role: "viewer" });
  const history = { accountId: account.id, apiKey: key, databaseUrl: process.env.DATABASE_URL!, seed };
  if (!flags.keep) return { database, history, directory: null };
  const directory = process.env.QUDAO_DATA_DIR ?? mkdtempSync(join(tmpdir(), "qudao-bench-reports-"));
  writeFileSync(join(directory, "prepared.json"), JSON.stringify(history));
  console.log(`kept ${directory} (${history.databaseUrl})`);
  return { database, history, directory };
}

function commandLine(): string {
  if (flags.reuse) return `npx tsx scripts/bench/reports.ts --reuse ${flags.reuse}`;
  return `npm run bench -- --only reports --events ${number("events")} --channels ${number("channels")} --days ${number("days")}`;
}

/** The 1-minute load average, for a machine others share: the figures mean less the higher it is. */
const loadAverage = () => loadavg()[0]!.toFixed(1);

async function main(): Promise<void> {
  const { database, history } = await benchHistory();
  const loadAtStart = loadAverage();
  const { seed } = history;
  const key = history.apiKey;
  const account = { id: history.accountId };
  const channelCount = seed.channelIds.length;
  const range = { accountId: account.id, from: seed.firstDay, to: seed.lastDay };
  const call = (route: Route, path: string, params: Record<string, string>) =>
    route(
      new Request(`http://127.0.0.1/api/${path}?${new URLSearchParams({ ...range, ...params })}`, {
        headers: { authorization: `Bearer ${key}` },
      }),
      { params: Promise.resolve({}) },
    );

  // Raw events: the export and the bulk read, twice each in turn; the better of each counts.
  const exports: { seconds: number; rows: number; rssGrowth: number }[] = [];
  const bulk: { seconds: number; rows: number }[] = [];
  for (let run = 0; run < 2; run++) {
    global.gc?.();
    const memory = watchMemory();
    const started = performance.now();
    const { lines } = await drain(await call(eventsRoute, "reports/events", { format: "csv" }));
    exports.push({ seconds: (performance.now() - started) / 1000, rows: lines - 1, rssGrowth: memory() });
    bulk.push(await bulkReadSeconds(account.id));
  }
  const bestExport = exports.sort((a, b) => a.seconds - b.seconds)[0]!;
  const bestBulk = bulk.sort((a, b) => a.seconds - b.seconds)[0]!;
  if (bestExport.rows !== bestBulk.rows) throw new Error(`export ${bestExport.rows} rows, bulk read ${bestBulk.rows}`);
  const exportRate = bestExport.rows / bestExport.seconds;
  const bulkRate = bestBulk.rows / bestBulk.seconds;
  console.log(
    `events CSV: ${bestExport.rows.toLocaleString("en")} rows in ${bestExport.seconds.toFixed(2)} s = ${Math.round(exportRate).toLocaleString("en")} rows/s; bulk read ${Math.round(bulkRate).toLocaleString("en")} rows/s; ratio ${(exportRate / bulkRate).toFixed(2)}; RSS +${(bestExport.rssGrowth / 2 ** 20).toFixed(0)} MB`,
  );

  // The workbook, for the whole history: channels × days rows on its Channel × day sheet.
  global.gc?.();
  const workbookMemory = watchMemory();
  const workbookStarted = performance.now();
  const workbook = await drain(await call(workbookRoute, "reports/workbook", { format: "xlsx", lang: "zh" }));
  const workbookSeconds = (performance.now() - workbookStarted) / 1000;
  const workbookRss = workbookMemory();
  console.log(
    `workbook: ${(workbook.bytes / 2 ** 20).toFixed(1)} MB in ${workbookSeconds.toFixed(2)} s, RSS +${(workbookRss / 2 ** 20).toFixed(0)} MB`,
  );

  // The channels report against the stats call it is made from, in turn.
  const csvSamples: number[] = [];
  const statsSamples: number[] = [];
  const time = async (samples: number[], request: () => Promise<Response>) => {
    const started = performance.now();
    await drain(await request());
    samples.push(performance.now() - started);
  };
  for (let run = 0; run < number("runs") + 2; run++) {
    const warm = run < 2;
    await time(warm ? [] : csvSamples, () => call(channelsReportRoute, "reports/channels", { format: "csv" }));
    await time(warm ? [] : statsSamples, () => call(channelStatsRoute, "stats/channels", {}));
  }
  const csvLatency = summarize(csvSamples);
  const statsLatency = summarize(statsSamples);
  const channelsRatio = csvLatency.p95 / statsLatency.p95;
  console.log(
    `channels CSV p95 ${csvLatency.p95.toFixed(1)} ms vs stats p95 ${statsLatency.p95.toFixed(1)} ms: ${channelsRatio.toFixed(2)}×`,
  );

  if (flags["no-report"]) return;
  const verdict = (isMet: boolean) => (isMet ? "met" : "**not met**");
  recordBenchmarkSection(
    `## Reports (${database}, ${seed.events / 1_000_000} M events)`,
    `
\`${commandLine()}\` (${new Date().toISOString().slice(0, 10)}; ${machineLine()}; history ${seed.firstDay} … ${seed.lastDay}, ${seed.events.toLocaleString("en")} events, ${channelCount} channels; load average ${loadAtStart} at the start, ${loadAverage()} at the end). Through the route handlers with an API key, in one process.

| Measure | Result | Baseline (same run) | Target |
| --- | --- | --- | --- |
| Raw events CSV, ${bestExport.rows.toLocaleString("en")} rows | ${Math.round(exportRate).toLocaleString("en")} rows/s, RSS +${(bestExport.rssGrowth / 2 ** 20).toFixed(0)} MB | bulk read ${Math.round(bulkRate).toLocaleString("en")} rows/s (${database === "SQLite" ? "iterating the same SELECT" : "COPY … TO STDOUT"}); ratio ${(exportRate / bulkRate).toFixed(2)} | ≥ 250 000 rows/s ${verdict(exportRate >= 250_000)}, ≥ 0.5 ${verdict(exportRate / bulkRate >= 0.5)}, < 100 MB ${verdict(bestExport.rssGrowth < 100 * 2 ** 20)} |
| Workbook, ${channelCount} channels × ${seed.firstDay} … ${seed.lastDay} | ${workbookSeconds.toFixed(2)} s, ${(workbook.bytes / 2 ** 20).toFixed(1)} MB, RSS +${(workbookRss / 2 ** 20).toFixed(0)} MB | — | < 10 s ${verdict(workbookSeconds < 10)}, < 300 MB ${verdict(workbookRss < 300 * 2 ** 20)} |
| Channels report (CSV), p95 of ${csvSamples.length} | ${csvLatency.p95.toFixed(1)} ms (p50 ${csvLatency.p50.toFixed(1)}) | GET /api/stats/channels p95 ${statsLatency.p95.toFixed(1)} ms (p50 ${statsLatency.p50.toFixed(1)}) | ≤ 1.5× ${verdict(channelsRatio <= 1.5)} (${channelsRatio.toFixed(2)}×) |
`,
  );
}

await main();
