// npm run db:migration:new -- --name add_x — after a change to prisma/models.prisma, writes the
// migration that brings each database from the committed migrations to the new models:
// prisma/migrations/{sqlite,postgresql}/<timestamp>_<name>/migration.sql.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseDatabaseUrl, type DatabaseProvider } from "@/lib/db/config";
import { byDatabase, byProvider } from "@/lib/db/dialect";
import { diffMigrationSql, migrationsDirectoryFor } from "@/lib/db/migrate";
import { migrationLockfileContent } from "@/lib/db/schema-engine";

const providers: DatabaseProvider[] = ["sqlite", "postgresql"];
// Where the PostgreSQL migrations are replayed (in a throwaway schema) to compute the diff.
const localPostgresUrl = "postgresql://postgres@127.0.0.1:5432/test";

function readMigrationName(): string {
  const { values } = parseArgs({ options: { name: { type: "string" } } });
  // Folder names as Prisma makes them: lower case, words joined by underscores.
  const name = (values.name ?? "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!name) throw new Error("Usage: npm run db:migration:new -- --name add_something");
  return name;
}

function shadowDatabaseUrl(): string {
  const candidates = [process.env.SHADOW_DATABASE_URL, process.env.DATABASE_URL, process.env.TEST_DATABASE_URL];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const config = parseDatabaseUrl(candidate);
    const postgresUrl = byDatabase(config, { sqlite: () => null, postgresql: ({ url }) => url });
    if (postgresUrl) return postgresUrl;
  }
  return localPostgresUrl;
}

/** UTC, to the second, like Prisma's own migration folder names (20250102030405). */
function migrationTimestamp(now = new Date()): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

async function main(): Promise<void> {
  const name = readMigrationName();
  // The per-provider schemas and clients must reflect prisma/models.prisma before diffing.
  execFileSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: "inherit" });

  const shadowUrl = shadowDatabaseUrl();
  // Both diffs first, so that a failure (say, PostgreSQL not reachable) writes nothing at all.
  const pendingSql = new Map<DatabaseProvider, string | null>();
  for (const provider of providers) {
    try {
      pendingSql.set(
        provider,
        await diffMigrationSql(provider, { shadowDatabaseUrl: shadowUrl, log: (line) => console.log(`  ${line}`) }),
      );
    } catch (error) {
      const where = byProvider(provider, {
        sqlite: () => "",
        postgresql: () =>
          ` (migrations replayed on ${withoutPassword(shadowUrl)}; SHADOW_DATABASE_URL picks another server)`,
      });
      throw new Error(
        `${provider}: could not compute the migration${where}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }

  const folderName = `${migrationTimestamp()}_${name}`;
  let written = 0;
  for (const [provider, sql] of pendingSql) {
    if (sql === null) {
      console.log(`${provider}: no changes`);
      continue;
    }
    const migrationsDirectory = migrationsDirectoryFor(provider);
    const migrationFolder = join(migrationsDirectory, folderName);
    mkdirSync(migrationFolder, { recursive: true });
    writeFileSync(join(migrationFolder, "migration.sql"), sql);
    writeFileSync(join(migrationsDirectory, "migration_lock.toml"), migrationLockfileContent(provider));
    console.log(`${provider}: wrote ${join("prisma/migrations", provider, folderName, "migration.sql")}`);
    written += 1;
  }
  if (written === 0) console.log("no changes");
  else console.log("Review the SQL, then apply it with npm run db:migrate.");
}

function withoutPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = "";
  return parsed.toString();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
