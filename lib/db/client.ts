// The Prisma client for the configured database. Both clients are generated from the same
// models (prisma/models.prisma), so the PostgreSQL one is used through the SQLite one's type.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { getEnv } from "@/lib/env";
import { parseDatabaseUrl, sqliteCachePragma, sqliteMmapPragma, type DatabaseConfig } from "@/lib/db/config";
import { PrismaClient as SqliteClient, Prisma } from "@/lib/db/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/db/generated/postgresql/client";
import { byDatabase, dialectOf, type Dialect } from "@/lib/db/dialect";

export type Database = SqliteClient;
export type Transaction = Prisma.TransactionClient;
export { Prisma };

export function createDatabase(config: DatabaseConfig): Database {
  return byDatabase(config, {
    sqlite: ({ filePath }) => {
      mkdirSync(dirname(filePath), { recursive: true });
      // WAL lets the dashboard read while the webhook writes; busy_timeout queues writers instead of failing.
      const adapter = new PrismaBetterSqlite3({ url: `file:${filePath}`, timeout: 10_000 });
      const client = new SqliteClient({ adapter });
      // The adapter opens one connection and takes no pragmas: set the cache and the map on it as it starts.
      void client.$executeRawUnsafe(`PRAGMA cache_size = ${sqliteCachePragma}`).catch(() => undefined);
      void client.$queryRawUnsafe(`PRAGMA mmap_size = ${sqliteMmapPragma}`).catch(() => undefined);
      return client;
    },
    postgresql: ({ url, schema }) => {
      const adapter = new PrismaPg(
        { connectionString: url, max: 10, ...(schema ? { options: `-c search_path=${schema}` } : {}) },
        schema ? { schema } : undefined,
      );
      return new PostgresClient({ adapter }) as unknown as Database;
    },
  });
}

type DatabaseHolder = { database?: Database; config?: DatabaseConfig };
// Kept on globalThis so Next's dev reloads and test files share one connection pool.
const holder = globalThis as typeof globalThis & { __qudaoDatabase?: DatabaseHolder };

export function getDatabaseConfig(): DatabaseConfig {
  holder.__qudaoDatabase ??= {};
  holder.__qudaoDatabase.config ??= parseDatabaseUrl(getEnv().DATABASE_URL);
  return holder.__qudaoDatabase.config;
}

/**
 * For the ingest thread (lib/events/ingest-worker.ts): the database the webhook's thread uses,
 * which a test may have switched. Its statements go through the driver; no Prisma client is made.
 */
export function useDatabaseConfig(config: DatabaseConfig): void {
  holder.__qudaoDatabase ??= {};
  if (JSON.stringify(holder.__qudaoDatabase.config) !== JSON.stringify(config)) holder.__qudaoDatabase.config = config;
}

/** The SQL differences of the configured database (lib/db/dialect.ts). */
export function getDialect(): Dialect {
  return dialectOf(getDatabaseConfig().provider);
}

export function getDb(): Database {
  holder.__qudaoDatabase ??= {};
  holder.__qudaoDatabase.database ??= createDatabase(getDatabaseConfig());
  return holder.__qudaoDatabase.database;
}

/** For tests: point the app at another database (e.g. a fresh PostgreSQL schema). */
export async function switchDatabaseForTests(config: DatabaseConfig): Promise<Database> {
  await holder.__qudaoDatabase?.database?.$disconnect();
  holder.__qudaoDatabase = { config, database: createDatabase(config) };
  return holder.__qudaoDatabase.database as Database;
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
