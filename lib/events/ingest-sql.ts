// Pieces of the ingest transaction's SQL, the same for SQLite and PostgreSQL (ingest-connection.ts
// runs them on the database driver).
import { getDatabaseConfig, Prisma } from "@/lib/db/client";
import type { SqlRunner } from "@/lib/events/ingest-connection";

/** A DateTime parameter: ISO text on SQLite (as Prisma stores it), a typed timestamp on PostgreSQL. */
export function instantParam(instant: Date): Prisma.Sql {
  return getDatabaseConfig().provider === "postgresql" ? Prisma.sql`CAST(${instant} AS TIMESTAMP(3))` : Prisma.sql`${instant}`;
}

/** A Boolean parameter: SQLite stores 1 or 0, PostgreSQL a boolean. */
export function booleanParam(value: boolean): Prisma.Sql {
  return getDatabaseConfig().provider === "postgresql" ? Prisma.sql`${value}` : Prisma.sql`${value ? 1 : 0}`;
}

/** Raw rows carry DateTime as Date (PostgreSQL) or ISO text (SQLite). */
export function toDate(value: Date | string | null): Date | null {
  return value === null ? null : value instanceof Date ? value : new Date(value);
}

/**
 * PostgreSQL failed the transaction to break a deadlock (two pushes waiting on each other's
 * counter rows) or a serialization conflict: running it again succeeds.
 */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "40P01" || code === "40001";
}

type CounterTable = "RollupDay" | "RollupHour" | "ScannerDayTotal" | "ScannerReturn";
type CounterRow = { key: Record<string, string | Prisma.Sql>; counters: Record<string, number> };

/**
 * INSERT … ON CONFLICT (key) DO UPDATE adding each counter: one statement on both databases.
 * `later`: sent with the push's next statement (SqlRunner.writeLater), for a row nothing else in
 * the push reads or writes before then.
 */
export async function addToCounters(sql: SqlRunner, table: CounterTable, key: CounterRow["key"], counters: CounterRow["counters"], options: { later?: boolean } = {}): Promise<void> {
  await addToCounterRows(sql, table, [{ key, counters }], options);
}

/** addToCounters for several rows of one table (distinct keys, the same columns) in one statement. */
export async function addToCounterRows(sql: SqlRunner, table: CounterTable, rows: CounterRow[], options: { later?: boolean } = {}): Promise<void> {
  const [first] = rows;
  if (!first) return;
  const keyNames = Object.keys(first.key);
  const counterNames = Object.keys(first.counters);
  const quoted = (name: string) => Prisma.raw(`"${name}"`);
  const valuesOf = (row: CounterRow) => {
    const keyValues = keyNames.map((name) => {
      const value = row.key[name]!;
      return typeof value === "string" ? Prisma.sql`${value}` : value;
    });
    return Prisma.sql`(${Prisma.join([...keyValues, ...counterNames.map((name) => Prisma.sql`${row.counters[name]}`)])})`;
  };
  const statement = Prisma.sql`
    INSERT INTO ${quoted(table)} (${Prisma.join([...keyNames, ...counterNames].map(quoted))}) VALUES ${Prisma.join(rows.map(valuesOf))}
    ON CONFLICT (${Prisma.join(keyNames.map(quoted))}) DO UPDATE SET ${Prisma.join(
      counterNames.map((name) => Prisma.sql`${quoted(name)} = ${quoted(table)}.${quoted(name)} + excluded.${quoted(name)}`),
    )}`;
  await (options.later ? sql.writeLater(statement) : sql.execute(statement));
}
