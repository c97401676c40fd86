// What the ingest connections (sqlite-connection.ts, postgres-connection.ts) offer the work they
// run: a transaction's statements through the database driver. Types only, so the connections and
// the group queue (groups.ts) depend on this file and not on connection.ts, which picks one of them.
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import type { CounterAddition, CounterTable } from "@/lib/db/ingest/counter-sums";

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
   * written at its end (counter-sums.ts); on PostgreSQL at the end of its group, with the
   * group's. Nothing in the transaction may read them meanwhile.
   */
  addToCounters(table: CounterTable, additions: CounterAddition[]): Promise<void>;
}

export interface TransactionOptions {
  /**
   * On PostgreSQL, an advisory lock held until the transaction ends, taken in BEGIN's own round
   * trip so every statement of the transaction reads what the lock's previous holder committed.
   * SQLite runs one writer at a time already. Transactions with a key are written in groups
   * (postgres-connection.ts).
   */
  lockKey?: string;
}

export interface IngestConnection {
  key: string;
  transaction<T>(work: (sql: SqlRunner) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}
