// Values and errors as the database drivers give them (better-sqlite3, pg), the same for both.
// Parameters that differ between the databases come from the dialect (lib/db/dialect.ts).

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
