// Pieces of the ingest transaction's SQL, the same for SQLite and PostgreSQL (ingest-connection.ts
// runs them on the database driver).
import { getDatabaseConfig, Prisma } from "@/lib/db/client";

/** A DateTime parameter: ISO text on SQLite (as Prisma stores it), a typed timestamp on PostgreSQL. */
export function instantParam(instant: Date): Prisma.Sql {
  return getDatabaseConfig().provider === "postgresql"
    ? Prisma.sql`CAST(${instant} AS TIMESTAMP(3))`
    : Prisma.sql`${instant}`;
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

/** The driver refused a row whose unique key another transaction had inserted (pg, better-sqlite3). */
export function isUniqueKeyConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
