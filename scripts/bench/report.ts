// Writes the bench's results as the "## Analytics and ingest" section of docs/benchmarks.md,
// leaving every other section of the file (e.g. the QR ZIP one) as it is.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { LatencySummary } from "@/scripts/bench/percentiles";
import type { LoadResult } from "@/scripts/bench/load";
import { interleavedRatios, type InterleavedRatios } from "@/scripts/bench/throughput-ratio";

export interface DatabaseReport {
  database: "sqlite" | "postgresql";
  seed: { events: number; followers: number; seconds: number; timezone: string };
  queries: { name: string; api: LatencySummary; raw: LatencySummary; isSameAnswer: boolean }[];
  load: LoadRuns;
}

/** The load runs in the order taken: bare[0], webhook[0], bare[1], …, webhook[n-1], bare[n]. */
export interface LoadRuns {
  bare: LoadResult[];
  webhook: LoadResult[];
}

export function loadRatios(runs: LoadRuns): InterleavedRatios {
  return interleavedRatios(
    runs.bare.map((run) => run.requestsPerSecond),
    runs.webhook.map((run) => run.requestsPerSecond),
  );
}

export interface BenchReport {
  machine: {
    cpus: number;
    cpuModel: string;
    memory: string;
    date: string;
    node: string;
    command: string;
    commit: string;
  };
  reports: DatabaseReport[];
  events: number;
  channels: number;
  days: number;
  concurrency: number;
  webhookSeconds: number;
}

const heading = "## Analytics and ingest";
const queryTargetMs = 150;
const speedupTarget = 20;
const throughputTarget = 0.6;

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const check = (isMet: boolean) => (isMet ? "✓" : "✗");

function section(report: BenchReport): string {
  const { machine } = report;
  const lines = [
    heading,
    "",
    `Written by \`npm run bench\` (scripts/bench/index.ts) on ${machine.date.slice(0, 10)}, code at commit ${machine.commit}. Command: \`${machine.command}\`.`,
    "",
    `Machine: ${machine.cpus} × ${machine.cpuModel} (\`nproc\` = ${machine.cpus}), Node ${machine.node}; shared with other work while it ran.`,
    "",
    "```",
    machine.memory,
    "```",
    "",
    `Data: ${report.events.toLocaleString("en")} events over ${report.days} days, ${report.channels} channels, seeded with \`npm run cli -- seed\` (realistic mix: new follows through codes,`,
    "SCANs by followers, unfollows, re-follows through another code, organic follows, scans of codes made elsewhere). Stats calls go through",
    `HTTP to \`next start\` (${report.reports.length > 1 ? "each database in turn" : "one database"}); "raw" computes the same answer from the Event rows (and FollowPeriod rows for retention) at`,
    "query time, in one process, and must equal the API's answer. Targets: rollup-backed p95 < 150 ms, ≥ 20× faster than raw.",
    "",
  ];
  for (const database of report.reports) {
    lines.push(`### ${database.database === "sqlite" ? "SQLite" : "PostgreSQL"}`, "");
    lines.push(
      `Seeded ${database.seed.events.toLocaleString("en")} events and ${database.seed.followers.toLocaleString("en")} followers in ${database.seed.seconds.toFixed(0)} s (${Math.round(database.seed.events / database.seed.seconds).toLocaleString("en")} events/s).`,
      "",
    );
    lines.push(
      "| call | API p50 | API p95 | raw p50 | raw p95 | raw ÷ API (p50) | same answer | p95 < 150 ms | ≥ 20× |",
      "|---|---:|---:|---:|---:|---:|:-:|:-:|:-:|",
    );
    for (const query of database.queries) {
      const ratio = query.raw.p50 / query.api.p50;
      lines.push(
        `| ${query.name} | ${ms(query.api.p50)} ms | ${ms(query.api.p95)} ms | ${ms(query.raw.p50)} ms | ${ms(query.raw.p95)} ms | ${ratio.toFixed(1)}× | ${check(query.isSameAnswer)} | ${check(query.api.p95 < queryTargetMs)} | ${check(ratio >= speedupTarget)} |`,
      );
    }
    const { ratios, median } = loadRatios(database.load);
    const row = (route: string, run: LoadResult, ratio = "") =>
      `| ${route} | ${run.requestsPerSecond.toFixed(0)} | ${ms(run.latency.p50)} ms | ${ms(run.latency.p99)} ms | ${run.failed} | ${ratio} |`;
    const rows = database.load.webhook.flatMap((run, index) => [
      row("webhook `POST /api/wechat/{accountId}`", run, ratios[index]!.toFixed(2)),
      row("bare", database.load.bare[index + 1]!),
    ]);
    lines.push(
      "",
      `Webhook (safe mode: signature + AES, then ingest's transaction) against a bare route handler on the same server, ${report.concurrency} keep-alive connections, ${report.webhookSeconds} s each after a 3 s warm-up, in turn (each webhook run against the mean of the bare runs before and after it: scripts/bench/throughput-ratio.ts):`,
      "",
      "| run | requests/s | p50 | p99 | failed | webhook ÷ bare |",
      "|---|---:|---:|---:|---:|---:|",
      row("bare `POST /api/bench/bare/{accountId}`", database.load.bare[0]!),
      ...rows,
      "",
      `Webhook ÷ bare, median of ${ratios.length} runs: **${median.toFixed(2)}** (target ≥ ${throughputTarget}) ${check(median >= throughputTarget)}`,
      "",
    );
  }
  return lines.join("\n");
}

export function writeBenchReport(path: string, report: BenchReport): void {
  const existing = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n";
  const start = existing.indexOf(`\n${heading}\n`);
  let text: string;
  if (start === -1) {
    text = `${existing.trimEnd()}\n\n${section(report)}`;
  } else {
    const rest = existing.slice(start + heading.length + 2);
    const nextHeading = rest.search(/^## /m);
    text = `${existing.slice(0, start + 1)}${section(report)}${nextHeading === -1 ? "" : `\n${rest.slice(nextHeading)}`}`;
  }
  writeFileSync(path, text.endsWith("\n") ? text : `${text}\n`);
}
