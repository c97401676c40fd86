// The connection the webhook's ingest transaction runs on (on the ingest thread: ingest-thread.ts):
// the database driver itself (better-sqlite3, pg), not Prisma. A push runs about fifteen small
// statements; through Prisma each costs 0.08 ms (raw) to 0.37 ms (model API) of the thread,
// straight through the driver a few microseconds on SQLite. The statements are Prisma.sql
// templates, the same for both databases; values are sent as Prisma stores them (DateTime as
// ISO text on SQLite, as a UTC timestamp on PostgreSQL), so Prisma reads these rows unchanged.
import { getDatabaseConfig } from "@/lib/db/client";
import { byDatabase, databaseKeyOf } from "@/lib/db/dialect";
import type { IngestConnection, SqlRunner, TransactionOptions } from "@/lib/db/ingest/sql-runner";
import { sqliteConnection } from "@/lib/db/ingest/sqlite-connection";
import { postgresConnection } from "@/lib/db/ingest/postgres-connection";

export type { SqlRunner, TransactionOptions };

type Holder = { connection?: IngestConnection };
// On globalThis, like the Prisma client: one connection per process, across Next's module copies.
const holder = globalThis as typeof globalThis & { __qudaoIngestConnection?: Holder };

/**
 * Runs `work` in a transaction on the ingest connection of the configured database. Transactions
 * that arrive together share a commit; a group that fails is rolled back and its transactions run
 * again, each alone, so `work` may run twice and must change nothing outside the database.
 */
export async function inIngestTransaction<T>(
  work: (sql: SqlRunner) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const config = getDatabaseConfig();
  const state = (holder.__qudaoIngestConnection ??= {});
  const key = databaseKeyOf(config);
  if (state.connection?.key !== key) {
    // Tests switch databases; the old connection goes with the old database. Replaced before any
    // await, so concurrent first pushes share one connection.
    const old = state.connection;
    state.connection = byDatabase(config, {
      sqlite: ({ filePath }) => sqliteConnection(key, filePath),
      postgresql: (postgres) => postgresConnection(key, postgres),
    });
    await old?.close();
  }
  return state.connection.transaction(work, options);
}

export async function closeIngestConnection(): Promise<void> {
  await holder.__qudaoIngestConnection?.connection?.close();
  if (holder.__qudaoIngestConnection) holder.__qudaoIngestConnection.connection = undefined;
}
