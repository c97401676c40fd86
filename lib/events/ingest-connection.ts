// The connection the webhook's ingest transaction runs on (on the ingest thread: ingest-thread.ts):
// the database driver itself (better-sqlite3, pg), not Prisma. A push runs about fifteen small
// statements; through Prisma each costs 0.08 ms (raw) to 0.37 ms (model API) of the thread,
// straight through the driver a few microseconds on SQLite. The statements are Prisma.sql
// templates, the same for both databases; values are sent as Prisma stores them (DateTime as
// ISO text on SQLite, as a UTC timestamp on PostgreSQL), so Prisma reads these rows unchanged.
import { getDatabaseConfig, type Prisma } from "@/lib/db/client";
import type { CounterAddition, CounterTable } from "@/lib/events/ingest-counters";
import { sqliteConnection } from "@/lib/events/ingest-connection-sqlite";
import { postgresConnection } from "@/lib/events/ingest-connection-postgres";

/** Runs statements inside one transaction, in the order they are given. */
export interface SqlRunner {
  query<Row>(sql: Prisma.Sql): Promise<Row[]>;
  /** The number of rows changed. */
  execute(sql: Prisma.Sql): Promise<number>;
  /**
   * A write whose outcome nothing waits for (a counter, an insert that cannot conflict). On
   * PostgreSQL consecutive ones travel with the next statement, in a WITH before it, or at the
   * commit: a round trip each would be most of a push's time. They must touch distinct rows, and
   * neither the next statement nor anything else in the transaction may read or write them again.
   */
  writeLater(sql: Prisma.Sql): Promise<void>;
  /**
   * Adds to counter rows, summed with the transaction's other additions to the same rows and
   * written at its end (ingest-counters.ts); on PostgreSQL at the end of its group, with the
   * group's. Nothing in the transaction may read them meanwhile.
   */
  addToCounters(table: CounterTable, additions: CounterAddition[]): Promise<void>;
}

export interface TransactionOptions {
  /**
   * On PostgreSQL, an advisory lock held until the transaction ends, taken in BEGIN's own round
   * trip so every statement of the transaction reads what the lock's previous holder committed.
   * SQLite runs one writer at a time already. Transactions with a key are written in groups
   * (ingest-connection-postgres.ts).
   */
  lockKey?: string;
}

export interface IngestConnection {
  key: string;
  transaction<T>(work: (sql: SqlRunner) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}

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
  const key = config.provider === "sqlite" ? `sqlite:${config.filePath}` : `pg:${config.url}:${config.schema ?? ""}`;
  if (state.connection?.key !== key) {
    // Tests switch databases; the old connection goes with the old database. Replaced before any
    // await, so concurrent first pushes share one connection.
    const old = state.connection;
    state.connection =
      config.provider === "sqlite" ? sqliteConnection(key, config.filePath) : postgresConnection(key, config);
    await old?.close();
  }
  return state.connection.transaction(work, options);
}

export async function closeIngestConnection(): Promise<void> {
  await holder.__qudaoIngestConnection?.connection?.close();
  if (holder.__qudaoIngestConnection) holder.__qudaoIngestConnection.connection = undefined;
}
