// Benchmark: one page of the channel list at 10 000 channels with a year's rollups, sorted by each
// count (the counts live in the rollups, not on the channel rows), by date, and filtered.
// Run on its own: `npx tsx scripts/bench/channel-list.ts` (a fresh SQLite file unless DATABASE_URL is set).
import { pathToFileURL } from "node:url";
import { getDatabaseConfig, getDb } from "@/lib/db/client";
import { listChannels } from "@/lib/channels/read-channels";
import { channelListQuerySchema, type ChannelListQuery } from "@/lib/schemas/channels";
import { addDays } from "@/lib/time/zone";
import { createBulkWriter } from "@/scripts/seed/bulk-writer";
import { rebuildScannerTallies } from "@/lib/events/rebuild-tallies";
import type { Row } from "@/scripts/seed/ingest-replica";
import {
  createBenchAccount,
  machineLine,
  recordBenchmarkSection,
  prepareBenchDatabase,
} from "@/scripts/bench/channels-bench-support";

export interface ChannelListBenchResult {
  channels: number;
  rollupDays: number;
  scannerDays: number;
  /** Median milliseconds per page, by case. */
  medians: { label: string; ms: number }[];
  machine: string;
}

const repeats = 7;

/** A small deterministic generator, so every run loads the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < repeats; index++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(repeats / 2)]!;
}

export async function benchChannelList(
  options: { channels?: number; activeDaysPerChannel?: number } = {},
): Promise<ChannelListBenchResult> {
  const channelCount = options.channels ?? 10_000;
  const activeDays = options.activeDaysPerChannel ?? 40;
  const account = await createBenchAccount("channel-list");
  const db = getDb();
  const groups = ["Stores", "KOL", "Fair", "Flyers", "Online"];
  const channels = Array.from({ length: channelCount }, (_, index) => ({
    accountId: account.id,
    name: `Store ${index + 1} poster`,
    group: groups[index % groups.length]!,
    qrKind: index % 4 === 0 ? "temporary" : "permanent",
    sceneType: "int",
    scene: String(index + 1),
    url: `http://weixin.qq.com/q/bench${index}`,
  }));
  for (let start = 0; start < channelCount; start += 1000)
    await db.channel.createMany({ data: channels.slice(start, start + 1000) });

  // Rollups as ingest writes them: a row per scene and active day, and one per scanner and day.
  const next = random(42);
  const rollups: Row[] = [];
  const scanners: Row[] = [];
  for (let scene = 1; scene <= channelCount; scene++) {
    const days = new Set<string>();
    while (days.size < activeDays) days.add(addDays("2025-01-01", Math.floor(next() * 365)));
    for (const date of days) {
      const scans = 1 + Math.floor(next() * 8);
      rollups.push([account.id, String(scene), date, scans, Math.floor(scans / 2), Math.floor(next() * 2)]);
      for (let scanner = 0; scanner < Math.ceil(scans / 2); scanner++)
        scanners.push([account.id, String(scene), date, `o${Math.floor(next() * 200_000)}`]);
    }
  }
  const writer = createBulkWriter(getDatabaseConfig());
  for (let start = 0; start < rollups.length; start += 50_000)
    await writer.insert("RollupDay", rollups.slice(start, start + 50_000));
  for (let start = 0; start < scanners.length; start += 50_000)
    await writer.insert("ScannerDay", scanners.slice(start, start + 50_000));
  await writer.close();
  // The unique-scanner tallies ingest would have kept for these rows.
  await rebuildScannerTallies(account.id);
  await db.$executeRawUnsafe("ANALYZE");

  const page = (query: Partial<ChannelListQuery>) => () =>
    listChannels(channelListQuerySchema.parse({ accountId: account.id, limit: 50, ...query }));
  const cases: [string, () => Promise<unknown>][] = [
    ["newest first (default), page 1", page({})],
    ["by scans, page 1", page({ sort: "scans" })],
    ["by scans, page 100", page({ sort: "scans", offset: 4950 })],
    ["by new follows, ascending", page({ sort: "newFollows", order: "asc" })],
    ["by net follows", page({ sort: "netFollows" })],
    ["by unique scanners (exact, from the tallies)", page({ sort: "uniqueScanners" })],
    ["group + kind + search, by scans", page({ sort: "scans", group: "Stores", kind: "permanent", q: "store 1" })],
  ];
  const medians = [];
  for (const [label, run] of cases) medians.push({ label, ms: await median(run) });
  // Rollups have no foreign key to the account: remove them explicitly.
  await db.rollupDay.deleteMany({ where: { accountId: account.id } });
  await db.scannerDay.deleteMany({ where: { accountId: account.id } });
  await db.scannerDayTotal.deleteMany({ where: { accountId: account.id } });
  await db.scannerReturn.deleteMany({ where: { accountId: account.id } });
  await db.account.delete({ where: { id: account.id } });
  return {
    channels: channelCount,
    rollupDays: rollups.length,
    scannerDays: scanners.length,
    medians,
    machine: machineLine(),
  };
}

export function channelListMarkdown(result: ChannelListBenchResult): string {
  const rows = result.medians.map(({ label, ms }) => `| ${label} | ${ms.toFixed(0)} ms |`).join("\n");
  return `
One page (50) of \`GET /api/channels\` (\`listChannels\`) at ${result.channels.toLocaleString("en")} channels with
${result.rollupDays.toLocaleString("en")} RollupDay and ${result.scannerDays.toLocaleString("en")} ScannerDay rows; median of ${repeats} runs.
\`npx tsx scripts/bench/channel-list.ts\`. ${result.machine}, 2 cores.

| page | median |
|---|---|
${rows}

Sorting by a count reads the matching channels' scenes and one all-time total per scene (a
GROUP BY over the account's rollups; unique scanners are the scene's first-time scanners summed
over ScannerDayTotal), sorts in memory and loads only the page.
`;
}

/** The whole benchmark on the configured database (a fresh SQLite file unless DATABASE_URL is set), recorded in docs/benchmarks.md. */
export async function runChannelListBench(): Promise<ChannelListBenchResult> {
  const database = await prepareBenchDatabase();
  const result = await benchChannelList();
  recordBenchmarkSection(`## Channel list at 10 000 channels (${database})`, channelListMarkdown(result));
  await getDb().$disconnect();
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runChannelListBench()
    .then((result) => console.log(JSON.stringify(result, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
