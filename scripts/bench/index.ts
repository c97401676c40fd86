// `npm run bench [-- --events N --channels C --days D --databases sqlite,postgresql --only …]`:
// for each database, seed realistic history, time the stats API (summary, a 365-day daily series,
// the channel table) against the same answers computed from the raw events, then the webhook's
// sustained throughput against a bare route on the same server; then the channel list at 10 000
// channels (each database) and the QR archive of 1 000 codes. Each writes its docs/benchmarks.md section.
import { execFileSync, type ChildProcess } from "node:child_process";
import http from "node:http";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import { sealPush } from "@/lib/wechat/push";
import { buildWechatXml } from "@/lib/wechat/xml";
import { todayIn } from "@/lib/time/zone";
import { benchCases, type BenchCase } from "@/scripts/bench/cases";
import { runLoad, type LoadResult } from "@/scripts/bench/load";
import { summarize, type LatencySummary } from "@/scripts/bench/percentiles";
import { loadRatios, writeBenchReport, type DatabaseReport, type LoadRuns } from "@/scripts/bench/report";
import { buildBenchServer, startBenchServer, stopBenchServer } from "@/scripts/bench/bench-server";

const { values: flags } = parseArgs({
  args: process.argv.slice(2),
  options: {
    events: { type: "string", default: "10000000" },
    channels: { type: "string", default: "500" },
    days: { type: "string", default: "365" },
    databases: { type: "string", default: "sqlite,postgresql" },
    runs: { type: "string", default: "30" },
    "raw-runs": { type: "string", default: "5" },
    /** Each call is timed `runs` times, or fewer (at least 3, raw at least 1) once this many seconds are spent. */
    "case-seconds": { type: "string", default: "60" },
    "webhook-seconds": { type: "string", default: "20" },
    /** Webhook runs, each between two runs of the bare route (throughput-ratio.ts). */
    "webhook-runs": { type: "string", default: "3" },
    concurrency: { type: "string", default: "16" },
    "postgres-url": { type: "string", default: "postgresql://postgres@127.0.0.1:5432/test" },
    port: { type: "string", default: "3950" },
    build: { type: "boolean", default: false },
    /** Keep the seeded database (and its prepared.json) for `--reuse`. */
    keep: { type: "boolean", default: false },
    /** Directories `--keep` runs left, one per database of `--databases` in its order: skip the seeds and bench them again. */
    reuse: { type: "string" },
    /** Only the webhook's load against the bare route, not the stats calls. */
    "webhook-only": { type: "boolean", default: false },
    /** Write the server's CPU profile (.cpuprofile, for Chrome's DevTools) into this directory. */
    profile: { type: "string" },
    "no-report": { type: "boolean", default: false },
    /** Which benchmarks: analytics (10M events), channel-list (10 000 channels), qr-archive (1 000 codes), reports and first-view (not by default: run with --only, first-view with --reuse). */
    only: { type: "string", default: "analytics,channel-list,qr-archive" },
  },
});

const root = process.cwd();
const tsx = join(root, "node_modules", ".bin", "tsx");
const number = (name: keyof typeof flags) => Number(String(flags[name]).replace(/_/g, ""));

interface Prepared {
  accountId: string;
  apiKey: string;
  credentials: { appId: string; token: string; encodingAESKey: string; originalId: string };
  scenes: string[];
  seed: { events: number; followers: number; seconds: number; timezone: string };
}

function runChild(script: string, args: string[], env: Record<string, string>): string {
  return execFileSync(tsx, [script, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 512 * 1024 * 1024,
  }).toString();
}

function lastJsonLine<T>(output: string): T {
  return JSON.parse(output.trim().split("\n").at(-1)!) as T;
}

function buildIfNeeded(): void {
  buildBenchServer({ force: Boolean(flags.build) });
}

function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const profiling = flags.profile ? [`--cpu-prof`, `--cpu-prof-dir=${String(flags.profile)}`] : [];
  return startBenchServer(env, port, profiling);
}

async function timeApi(
  baseUrl: string,
  prepared: Prepared,
  benchCase: BenchCase,
  runs: number,
): Promise<{ latency: LatencySummary; answer: unknown }> {
  const query = new URLSearchParams({
    accountId: prepared.accountId,
    from: benchCase.from,
    to: benchCase.to,
    ...(benchCase.resource === "timeseries" ? { interval: "day" } : {}),
  });
  const url = `${baseUrl}/api/stats/${benchCase.resource}?${query}`;
  // node:http, not fetch: a slow call (minutes, on raw-sized work) must be timed, not aborted.
  const get = () =>
    new Promise<unknown>((resolve, reject) => {
      const request = http.get(url, { headers: { authorization: `Bearer ${prepared.apiKey}` } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (response.statusCode === 200) resolve(JSON.parse(text));
          else reject(new Error(`${url} answered ${response.statusCode}: ${text}`));
        });
      });
      request.on("error", reject);
    });
  await get();
  await get();
  const samples: number[] = [];
  let answer: unknown;
  const stopAt = performance.now() + number("case-seconds") * 1000;
  for (let run = 0; run < runs && (run < 3 || performance.now() < stopAt); run++) {
    const started = performance.now();
    answer = await get();
    samples.push(performance.now() - started);
  }
  return { latency: summarize(samples), answer };
}

function seedDatabase(database: string, env: Record<string, string>): Prepared {
  console.log(`\n== ${database}: migrate and seed ${number("events").toLocaleString("en")} events`);
  runChild("scripts/db-migrate.ts", [], env);
  const prepared = lastJsonLine<Prepared>(
    runChild(
      "scripts/bench/prepare-database.ts",
      [String(number("events")), String(number("channels")), String(number("days"))],
      env,
    ),
  );
  console.log(
    `seeded ${prepared.seed.events.toLocaleString("en")} events, ${prepared.seed.followers.toLocaleString("en")} followers in ${prepared.seed.seconds.toFixed(0)} s`,
  );
  return prepared;
}

/** Each stats call through the API, then the same answer computed from the raw events. */
async function timeQueries(
  baseUrl: string,
  prepared: Prepared,
  cases: BenchCase[],
  env: Record<string, string>,
): Promise<DatabaseReport["queries"]> {
  const api: Record<string, { latency: LatencySummary; answer: unknown }> = {};
  for (const benchCase of cases) {
    api[benchCase.name] = await timeApi(baseUrl, prepared, benchCase, number("runs"));
    console.log(
      `api ${benchCase.name}: p50 ${api[benchCase.name]!.latency.p50.toFixed(1)} ms, p95 ${api[benchCase.name]!.latency.p95.toFixed(1)} ms`,
    );
  }
  const raw = lastJsonLine<Record<string, { latency: LatencySummary; answer: unknown }>>(
    runChild(
      "scripts/bench/measure-raw.ts",
      [
        JSON.stringify({
          accountId: prepared.accountId,
          cases,
          runs: number("raw-runs"),
          caseSeconds: number("case-seconds"),
        }),
      ],
      env,
    ),
  );
  const queries = cases.map((benchCase) => ({
    name: benchCase.name,
    api: api[benchCase.name]!.latency,
    raw: raw[benchCase.name]!.latency,
    isSameAnswer: isDeepStrictEqual(api[benchCase.name]!.answer, raw[benchCase.name]!.answer),
  }));
  for (const query of queries)
    if (!query.isSameAnswer) console.warn(`!! ${query.name}: the API and the raw events disagree`);
  return queries;
}

/** Pushes as WeChat sends them in safe mode: new follows through the codes, SCANs, a few unfollows. */
function pushSource(prepared: Prepared) {
  const recent: string[] = [];
  const credentials = {
    token: prepared.credentials.token,
    appId: prepared.credentials.appId,
    encodingAESKey: prepared.credentials.encodingAESKey,
  };
  return () => {
    const roll = Math.random();
    const known = recent.length > 100 ? recent[Math.floor(Math.random() * recent.length)]! : null;
    const scene = prepared.scenes[Math.floor(Math.random() * prepared.scenes.length)]!;
    let openid: string;
    let event: { Event: string; EventKey: string };
    if (known && roll < 0.35) [openid, event] = [known, { Event: "SCAN", EventKey: scene }];
    else if (known && roll < 0.45) [openid, event] = [known, { Event: "unsubscribe", EventKey: "" }];
    else {
      openid = `o${randomBytes(21).toString("base64url")}`;
      event = { Event: "subscribe", EventKey: `qrscene_${scene}` };
      recent.push(openid);
      if (recent.length > 5_000) recent.shift();
    }
    const now = Math.floor(Date.now() / 1000);
    const xml = buildWechatXml({
      ToUserName: prepared.credentials.originalId,
      FromUserName: openid,
      CreateTime: now,
      MsgType: "event",
      ...event,
    });
    const sealed = sealPush({
      xml,
      mode: "safe",
      credentials,
      timestamp: String(now),
      nonce: String(randomBytes(4).readUInt32BE(0)),
      openid,
    });
    return { query: new URLSearchParams(sealed.query).toString(), body: sealed.body };
  };
}

async function benchDatabase(
  database: "sqlite" | "postgresql",
  port: number,
  reuseDir: string | undefined,
): Promise<DatabaseReport> {
  const reused = reuseDir
    ? (JSON.parse(readFileSync(join(reuseDir, "prepared.json"), "utf8")) as Prepared & { databaseUrl: string })
    : null;
  const workDir = reuseDir ?? mkdtempSync(join(tmpdir(), `qudao-bench-${database}-`));
  const postgresUrl = String(flags["postgres-url"]);
  const schema = `qudao_bench_${randomBytes(4).toString("hex")}`;
  const databaseUrl =
    reused?.databaseUrl ??
    (database === "sqlite"
      ? `file:${join(workDir, "bench.db")}`
      : `${postgresUrl}${postgresUrl.includes("?") ? "&" : "?"}schema=${schema}`);
  const env = {
    DATABASE_URL: databaseUrl,
    QUDAO_DATA_DIR: workDir,
    QUDAO_PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: "warn",
  };
  const isKept = flags.keep || Boolean(reused);
  try {
    const prepared = reused ?? seedDatabase(database, env);
    if (flags.keep && !reused)
      writeFileSync(join(workDir, "prepared.json"), JSON.stringify({ ...prepared, databaseUrl }));
    const cases = benchCases(todayIn(prepared.seed.timezone));

    const server = await startServer(env, port);
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      const queries = flags["webhook-only"] ? [] : await timeQueries(baseUrl, prepared, cases, env);

      const load = (path: (request: { query: string; body: string }) => string) => {
        // Sealed before the clock starts, so sealing (AES, signatures) does not take CPU from the
        // server on this 2-core machine; more are made on the fly should the load outrun them.
        const generate = pushSource(prepared);
        const ready = Array.from({ length: number("webhook-seconds") * 1_500 }, generate);
        const next = () => ready.pop() ?? generate();
        return runLoad({
          baseUrl,
          concurrency: number("concurrency"),
          seconds: number("webhook-seconds"),
          warmupSeconds: 3,
          next: () => {
            const push = next();
            return { path: path(push), body: push.body };
          },
        });
      };
      const webhookRuns = number("webhook-runs");
      console.log(
        `load: bare route and webhook in turn, ${webhookRuns} webhook runs (${number("webhook-seconds")} s each, ${number("concurrency")} connections)`,
      );
      const runs: LoadRuns = {
        bare: [await load((push) => `/api/bench/bare/${prepared.accountId}?${push.query}`)],
        webhook: [],
      };
      for (let run = 0; run < webhookRuns; run++) {
        runs.webhook.push(await load((push) => `/api/wechat/${prepared.accountId}?${push.query}`));
        runs.bare.push(await load((push) => `/api/bench/bare/${prepared.accountId}?${push.query}`));
      }
      const { ratios, median } = loadRatios(runs);
      const describe = (result: LoadResult) =>
        `${result.requestsPerSecond.toFixed(0)} req/s (p99 ${result.latency.p99.toFixed(0)} ms, ${result.failed} failed)`;
      console.log(
        `bare ${runs.bare.map(describe).join(" / ")}\nwebhook ${runs.webhook.map(describe).join(" / ")}\nwebhook ÷ bare ${ratios.map((ratio) => ratio.toFixed(2)).join(" / ")}, median ${median.toFixed(2)}`,
      );
      return { database, seed: prepared.seed, queries, load: runs };
    } finally {
      await stopBenchServer(server);
    }
  } finally {
    if (!isKept) {
      if (database === "postgresql") {
        const client = new pg.Client({ connectionString: postgresUrl });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
      }
      rmSync(workDir, { recursive: true, force: true });
    } else {
      // The database this run benched, which on --reuse is not the schema named above.
      console.log(`kept ${workDir} (${databaseUrl})`);
    }
  }
}

/** The channel and QR benchmarks, each in its own process on its own database. */
async function benchChannels(databases: ("sqlite" | "postgresql")[], selected: Set<string>): Promise<void> {
  if (selected.has("qr-archive")) {
    console.log("\n== QR archive: 1 000 codes");
    runChild("scripts/bench/qr-archive.ts", [], { DATABASE_URL: "" });
  }
  if (!selected.has("channel-list")) return;
  for (const database of databases) {
    console.log(`\n== channel list: 10 000 channels on ${database}`);
    if (database === "sqlite") {
      runChild("scripts/bench/channel-list.ts", [], { DATABASE_URL: "" });
      continue;
    }
    const schema = `qudao_bench_${randomBytes(4).toString("hex")}`;
    const postgresUrl = String(flags["postgres-url"]);
    try {
      runChild("scripts/bench/channel-list.ts", [], {
        DATABASE_URL: `${postgresUrl}${postgresUrl.includes("?") ? "&" : "?"}schema=${schema}`,
      });
    } finally {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  }
}

async function main(): Promise<void> {
  const selected = new Set(String(flags.only).split(","));
  const databases = String(flags.databases).split(",") as ("sqlite" | "postgresql")[];
  if (selected.has("analytics")) await benchAnalytics(databases);
  await benchChannels(databases, selected);
  if (selected.has("reports")) await benchReports(databases);
  if (selected.has("first-view")) benchFirstView();
}

/** How soon pages show numbers in Chromium (scripts/bench/first-view.ts), on the --reuse databases. */
function benchFirstView(): void {
  if (!flags.reuse) throw new Error("--only first-view visits kept databases: pass --reuse (from a --keep run)");
  buildIfNeeded();
  execFileSync(tsx, ["scripts/bench/first-view.ts", "--reuse", String(flags.reuse), "--port", String(number("port"))], {
    stdio: "inherit",
  });
}

/**
 * The report downloads (scripts/bench/reports.ts) on each database, at --events, --channels and
 * --days, or on the kept databases of --reuse (an analytics run's --keep: 10 M events without
 * seeding them again).
 */
async function benchReports(databases: ("sqlite" | "postgresql")[]): Promise<void> {
  const args = [
    "--events",
    String(number("events")),
    "--channels",
    String(number("channels")),
    "--days",
    String(number("days")),
  ];
  const reuseDirs = flags.reuse ? String(flags.reuse).split(",") : [];
  if (flags.reuse && reuseDirs.length !== databases.length)
    throw new Error("--reuse takes one kept directory per database of --databases, in the same order");
  for (const [index, database] of databases.entries()) {
    console.log(`\n== reports on ${database}`);
    if (reuseDirs[index]) {
      runChild("scripts/bench/reports.ts", ["--reuse", reuseDirs[index]], { DATABASE_URL: "" });
      continue;
    }
    if (database === "sqlite") {
      runChild("scripts/bench/reports.ts", args, { DATABASE_URL: "" });
      continue;
    }
    const schema = `qudao_bench_${randomBytes(4).toString("hex")}`;
    const postgresUrl = String(flags["postgres-url"]);
    try {
      runChild("scripts/bench/reports.ts", args, {
        DATABASE_URL: `${postgresUrl}${postgresUrl.includes("?") ? "&" : "?"}schema=${schema}`,
      });
    } finally {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  }
}

async function benchAnalytics(databases: ("sqlite" | "postgresql")[]): Promise<void> {
  const reuseDirs = flags.reuse ? String(flags.reuse).split(",") : [];
  if (flags.reuse && reuseDirs.length !== databases.length)
    throw new Error("--reuse takes one kept directory per database of --databases, in the same order");
  buildIfNeeded();
  const reports: DatabaseReport[] = [];
  for (const [index, database] of databases.entries())
    reports.push(await benchDatabase(database, number("port"), reuseDirs[index]));
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memory: execFileSync("free", ["-h"]).toString().trim(),
    date: new Date().toISOString(),
    node: process.version,
    command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
    commit:
      execFileSync("git", ["rev-parse", "--short", "HEAD"]).toString().trim() +
      (execFileSync("git", ["status", "--porcelain", "--untracked-files=no"]).toString().trim()
        ? " (with uncommitted changes)"
        : ""),
  };
  // A webhook-only run has no stats calls to report: it is for working on the ingest path.
  if (!flags["no-report"] && !flags["webhook-only"])
    writeBenchReport(join(root, "docs", "benchmarks.md"), {
      machine,
      reports,
      events: number("events"),
      channels: number("channels"),
      days: number("days"),
      concurrency: number("concurrency"),
      webhookSeconds: number("webhook-seconds"),
    });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
