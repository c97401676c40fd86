// `npm run load -- --url http://127.0.0.1:3000 --rate 500|max --seconds 60 [--accounts 3] [--safe-share 0.3]`
// Replays realistic signed pushes (WeChat-style retries included) against a running Qudao, prints
// throughput and latency, then checks that the database holds every acknowledged push exactly once.
// Run it with the server's DATABASE_URL and QUDAO_DATA_DIR: it creates its own accounts there.
// `--record FILE` writes each acknowledged push as it is acknowledged; `--verify FILE` checks a
// record later (e.g. after the server was killed and restarted).
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { summarize } from "@/scripts/bench/percentiles";
import { createLoadAccounts, deleteLoadAccounts } from "@/scripts/load/load-accounts";
import { PushStream } from "@/scripts/load/push-stream";
import { sendPushes } from "@/scripts/load/send-pushes";
import { verifyStored, type AcknowledgedPush, type StoredCheck } from "@/scripts/load/verify-stored";

const optionsSchema = z.object({
  url: z.url().default("http://127.0.0.1:3000"),
  rate: z.union([z.literal("max"), z.coerce.number().positive().max(100_000)]).default(200),
  seconds: z.coerce
    .number()
    .positive()
    .max(24 * 3600)
    .default(30),
  accounts: z.coerce.number().int().min(1).max(100).default(3),
  "safe-share": z.coerce.number().min(0).max(1).default(0.3),
  "retry-share": z.coerce.number().min(0).max(1).default(0.1),
  concurrency: z.coerce.number().int().min(1).max(1_000).default(64),
  record: z.string().optional(),
  verify: z.string().optional(),
  keep: z.boolean().default(false),
});

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: Object.fromEntries(
    Object.keys(optionsSchema.shape).map((name) => [name, { type: name === "keep" ? "boolean" : "string" }]),
  ) as Record<string, { type: "string" | "boolean" }>,
});
const options = optionsSchema.parse(values);

interface RecordHeader {
  runId: string;
  accountIds: string[];
}

async function main(): Promise<number> {
  if (options.verify) return report(await verifyRecord(options.verify));

  const runId = randomBytes(4).toString("hex"); // 8 characters: an appId is wx + 16
  const accounts = await createLoadAccounts({ count: options.accounts, safeShare: options["safe-share"], runId });
  const accountIds = accounts.map((account) => account.id);
  const acknowledged: AcknowledgedPush[] = [];
  if (options.record)
    writeFileSync(options.record, JSON.stringify({ runId, accountIds } satisfies RecordHeader) + "\n");

  console.log(
    `load ${runId}: ${options.accounts} accounts (${Math.round(options.accounts * options["safe-share"])} in safe mode), ` +
      `rate ${options.rate}, ${options.seconds} s, ${options.concurrency} connections → ${options.url}`,
  );
  const stream = new PushStream(accounts);
  const outcome = await sendPushes({
    baseUrl: options.url,
    rate: options.rate,
    seconds: options.seconds,
    concurrency: options.concurrency,
    retryShare: options["retry-share"],
    next: () => stream.next(),
    onAcknowledged: ({ accountId, occurredAtSeconds, dedupeKey }) => {
      const push = { accountId, occurredAtSeconds, dedupeKey };
      acknowledged.push(push);
      if (options.record) appendFileSync(options.record, JSON.stringify(push) + "\n");
    },
  });

  const latency = summarize(outcome.latenciesMs);
  console.log(
    `pushes ${outcome.pushes} (deliveries ${outcome.deliveries}), acknowledged ${outcome.acknowledged}, ` +
      `not acknowledged ${outcome.unacknowledged} in ${outcome.elapsedSeconds.toFixed(1)} s`,
  );
  console.log(`throughput ${(outcome.acknowledged / outcome.elapsedSeconds).toFixed(0)} acknowledged pushes/s`);
  console.log(
    `latency p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms`,
  );
  console.log(`answers ${JSON.stringify(outcome.statusCounts)}`);

  const check = await verifyStored(accountIds, acknowledged);
  if (!options.keep && !options.record) await deleteLoadAccounts(accountIds);
  return report(check);
}

async function verifyRecord(file: string): Promise<StoredCheck> {
  const [headerLine, ...lines] = readFileSync(file, "utf8").split("\n").filter(Boolean);
  if (!headerLine) throw new Error(`${file} is empty: no run header`);
  const header = JSON.parse(headerLine) as RecordHeader;
  const pushes = lines.map((line) => JSON.parse(line) as AcknowledgedPush);
  return verifyStored(header.accountIds, pushes);
}

function report(check: StoredCheck): number {
  const isExact = check.missing.length === 0 && check.duplicated === 0;
  console.log(
    `stored ${check.stored}: acknowledged ${check.acknowledged}, lost ${check.missing.length}, stored twice ` +
      `${check.duplicated}, stored but not acknowledged ${check.storedUnacknowledged} → ${isExact ? "EXACT" : "NOT EXACT"}`,
  );
  for (const push of check.missing.slice(0, 10)) console.log(`  lost: ${JSON.stringify(push)}`);
  return isExact ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
