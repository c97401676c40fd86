// Every difference between SQLite and PostgreSQL that the code outside lib/db/ would otherwise
// branch on, both versions side by side. SQL pieces are members of a Dialect; where whole
// implementations differ (a connection, a bulk writer, a migration target), `byDatabase` picks one
// from a handler per database, exhaustively, so adding a database is a type error everywhere it
// matters rather than a silent fall-through.
import { Prisma } from "@/lib/db/generated/sqlite/client";
import type { DatabaseConfig, DatabaseProvider } from "@/lib/db/config";

export interface Dialect {
  provider: DatabaseProvider;
  /** A DateTime parameter: ISO text on SQLite (as Prisma stores it), a typed timestamp on PostgreSQL. */
  instant(instant: Date): Prisma.Sql;
  /** A Boolean parameter: SQLite stores 1 or 0, PostgreSQL a boolean. */
  boolean(value: boolean): Prisma.Sql;
  /** Case-insensitive "contains" (SQLite's LIKE already is; PostgreSQL's is not). */
  containsText(text: string): Prisma.StringFilter;
  /**
   * The statement that takes a transaction's lock of `key`, held until it ends; null where the
   * database runs one writer at a time already (SQLite).
   */
  lockSql(key: string): Prisma.Sql | null;
  /**
   * Whether a range over most of the history is better read by scanning the account's covering
   * index with the day column kept off its index (SQLite's planner needs telling; PostgreSQL's
   * statistics make the same choice).
   */
  keepsDayOffIndexForLongRanges: boolean;
  /**
   * How to read every channel's scene of a counter table: channel by channel (SQLite: one loop on
   * Channel, each scene's rows from the scene-led index) or the account's rows in one pass (PostgreSQL).
   */
  readsScenesChannelByChannel: boolean;
}

/**
 * PostgreSQL's transaction-level advisory lock of a key. The one definition: ingest's groups
 * (lib/db/ingest/postgres-connection.ts, which sends it as text in BEGIN's round trip) and the
 * claim job (lib/events/scanner-tallies.ts) must take the same lock to exclude each other.
 */
export function advisoryLockCall(key: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

const sqlite: Dialect = {
  provider: "sqlite",
  instant: (instant) => Prisma.sql`${instant}`,
  boolean: (value) => Prisma.sql`${value ? 1 : 0}`,
  containsText: (text) => ({ contains: text }),
  lockSql: () => null,
  keepsDayOffIndexForLongRanges: true,
  readsScenesChannelByChannel: true,
};

const postgresql: Dialect = {
  provider: "postgresql",
  instant: (instant) => Prisma.sql`CAST(${instant} AS TIMESTAMP(3))`,
  boolean: (value) => Prisma.sql`${value}`,
  containsText: (text) => ({ contains: text, mode: "insensitive" }) as Prisma.StringFilter,
  lockSql: (key) => Prisma.sql`SELECT ${advisoryLockCall(Prisma.sql`${key}`)}`,
  keepsDayOffIndexForLongRanges: false,
  readsScenesChannelByChannel: false,
};

const dialects: Record<DatabaseProvider, Dialect> = { sqlite, postgresql };

export function dialectOf(provider: DatabaseProvider): Dialect {
  return dialects[provider];
}

type ConfigOf<Provider extends DatabaseProvider> = Extract<DatabaseConfig, { provider: Provider }>;

/** The handler of the config's database, given that database's config. */
export function byDatabase<T>(
  config: DatabaseConfig,
  handlers: { [Provider in DatabaseProvider]: (config: ConfigOf<Provider>) => T },
): T {
  return config.provider === "sqlite" ? handlers.sqlite(config) : handlers.postgresql(config);
}

/** The handler of the provider's database (when there is no config, only the kind of database). */
export function byProvider<T>(provider: DatabaseProvider, handlers: { [Provider in DatabaseProvider]: () => T }): T {
  return handlers[provider]();
}

/** A line naming the database for a terminal (no password). */
export function describeDatabase(config: DatabaseConfig): string {
  return byDatabase(config, {
    sqlite: ({ filePath }) => `SQLite ${filePath}`,
    postgresql: ({ url, schema }) => {
      const parsed = new URL(url);
      parsed.password = "";
      return `PostgreSQL ${parsed.host}${parsed.pathname}${schema ? ` (schema ${schema})` : ""}`;
    },
  });
}

/** The same database names the same key: the ingest connection is kept per key. */
export function databaseKeyOf(config: DatabaseConfig): string {
  return byDatabase(config, {
    sqlite: ({ filePath }) => `sqlite:${filePath}`,
    postgresql: ({ url, schema }) => `pg:${url}:${schema ?? ""}`,
  });
}
