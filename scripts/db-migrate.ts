// npm run db:migrate — applies the committed migrations to the database DATABASE_URL names
// (the SQLite file ./data/qudao.db when unset), without the Prisma CLI.
import { parseDatabaseUrl, type DatabaseConfig } from "@/lib/db/config";
import { migrateDatabase } from "@/lib/db/migrate";
import { getEnv } from "@/lib/env";

function describeDatabase(config: DatabaseConfig): string {
  if (config.provider === "sqlite") return `SQLite ${config.filePath}`;
  const url = new URL(config.url);
  // The password stays out of the terminal and the logs.
  url.password = "";
  return `PostgreSQL ${url.host}${url.pathname}${config.schema ? ` (schema ${config.schema})` : ""}`;
}

async function main(): Promise<void> {
  const config = parseDatabaseUrl(getEnv().DATABASE_URL);
  console.log(`Migrating ${describeDatabase(config)}`);
  const startedAt = performance.now();
  const { applied } = await migrateDatabase(config, { log: (line) => console.log(`  ${line}`) });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(applied.length === 0 ? `Already up to date (${seconds}s)` : `Applied ${applied.length} migration(s) in ${seconds}s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
