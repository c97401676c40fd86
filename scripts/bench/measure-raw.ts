// Bench step run in its own process against DATABASE_URL: the raw-event baseline, timed, with its
// answers so scripts/bench/index.ts can check they equal the API's. Prints one JSON line.
import { getDb } from "@/lib/db/client";
import { rawChannelTable, rawDailySeries, rawSummary } from "@/scripts/bench/raw-stats";
import { summarize } from "@/scripts/bench/percentiles";
import type { BenchCase } from "@/scripts/bench/cases";

async function main(): Promise<void> {
  const { accountId, cases, runs, caseSeconds } = JSON.parse(process.argv[2]!) as {
    accountId: string;
    cases: BenchCase[];
    runs: number;
    caseSeconds: number;
  };
  const results: Record<string, { latency: ReturnType<typeof summarize>; answer: unknown }> = {};
  for (const benchCase of cases) {
    const range = { from: benchCase.from, to: benchCase.to };
    const compute = () =>
      benchCase.resource === "summary"
        ? rawSummary(accountId, range)
        : benchCase.resource === "timeseries"
          ? rawDailySeries(accountId, range)
          : rawChannelTable(accountId, range);
    const samples: number[] = [];
    let answer: unknown;
    const stopAt = performance.now() + caseSeconds * 1000;
    for (let run = 0; run < runs && (run < 1 || performance.now() < stopAt); run++) {
      const started = performance.now();
      answer = await compute();
      samples.push(performance.now() - started);
    }
    results[benchCase.name] = { latency: summarize(samples), answer };
    process.stderr.write(`raw ${benchCase.name}: p50 ${results[benchCase.name]!.latency.p50.toFixed(0)} ms\n`);
  }
  console.log(JSON.stringify(results));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => getDb().$disconnect());
