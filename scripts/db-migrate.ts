// npm run db:migrate — applies the committed migrations to the database DATABASE_URL names
// (the SQLite file ./data/qudao.db when unset), without the Prisma CLI.
import { parseDatabaseUrl } from "@/lib/db/config";
import { describeDatabase } from "@/lib/db/dialect";
import { migrateDatabase } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";
import { getDb } from "@/lib/db/client";
import { rebuildFollowCohorts, rebuildScannerTallies } from "@/lib/events/rebuild-tallies";

/**
 * Migrations that add rows derived from existing data the SQL cannot compute (local days need the
 * account's zone): what to run for each account once the migration has been applied.
 */
const dataMigrations: Record<string, (account: { id: string; timezone: string }) => Promise<void>> = {
  "20261124050559_scanner_returns_and_retention_cohorts": async (account) => {
    await rebuildScannerTallies(account.id);
    await rebuildFollowCohorts(account.id, account.timezone);
  },
};

async function runDataMigrations(applied: string[]): Promise<void> {
  const steps = applied.flatMap((name) => (dataMigrations[name] ? [{ name, step: dataMigrations[name] }] : []));
  if (steps.length === 0) return;
  const accounts = await getDb().account.findMany({ select: { id: true, timezone: true } });
  for (const { name, step } of steps) {
    for (const account of accounts) await step(account);
    console.log(`  filled ${name} for ${accounts.length} account(s)`);
  }
  await getDb().$disconnect();
}

async function main(): Promise<void> {
  const config = parseDatabaseUrl(getEnv().DATABASE_URL);
  console.log(`Migrating ${describeDatabase(config)}`);
  const startedAt = performance.now();
  const { applied } = await migrateDatabase(config, { log: (line) => console.log(`  ${line}`) });
  await runDataMigrations(applied);
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(
    applied.length === 0 ? `Already up to date (${seconds}s)` : `Applied ${applied.length} migration(s) in ${seconds}s`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
