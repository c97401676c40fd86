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
   * A write whose outcome nothing waits for (a counter, an insert that cannot conflict), held and
   * sent with the next statement of the transaction, or at its end: on PostgreSQL in a WITH before
   * that statement, since a round trip each would be most of a push's time. The same on both
   * databases (tests/integration/write-later.test.ts): the next statement does not see the write,
   * the statements after it do, and a write that fails fails the next statement. So a rule must
   * not read back what it wrote later; writes held together must touch distinct rows, and the
   * next statement must not touch them either.
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
