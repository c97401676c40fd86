// Fast inserts for the seed, straight to the configured database: a prepared statement in one
// transaction per batch on SQLite (better-sqlite3), unnest() arrays on PostgreSQL.
// Rollups are added to rows that already exist, so seeding an account twice stays consistent.
import Sqlite from "better-sqlite3";
import pg from "pg";
import type { DatabaseConfig } from "@/lib/db/config";
import { byDatabase } from "@/lib/db/dialect";
import type { Row } from "@/scripts/seed/ingest-replica";

type ColumnType = "text" | "int" | "bool" | "timestamp";

interface TableSpec {
  columns: [string, ColumnType][];
  /** The primary key, for insertInKeyOrder. */
  key?: string[];
  /** The unique key, and what to do on a clash. */
  conflict: { keys: string[]; add?: string[] } | null;
}

export const tableSpecs = {
  Event: {
    columns: [
      ["accountId", "text"],
      ["openid", "text"],
      ["type", "text"],
      ["name", "text"],
      ["scene", "text"],
      ["channelId", "text"],
      ["occurredAt", "timestamp"],
      ["receivedAt", "timestamp"],
      ["dedupeKey", "text"],
    ],
    conflict: null,
  },
  Follower: {
    key: ["accountId", "openid"],
    columns: [
      ["accountId", "text"],
      ["openid", "text"],
      ["isFollowing", "bool"],
      ["currentScene", "text"],
      ["firstScene", "text"],
      ["followedAt", "timestamp"],
      ["firstFollowedAt", "timestamp"],
      ["unfollowedAt", "timestamp"],
      ["stateChangedAt", "timestamp"],
      ["createdAt", "timestamp"],
    ],
    conflict: null,
  },
  FollowPeriod: {
    columns: [
      ["accountId", "text"],
      ["openid", "text"],
      ["scene", "text"],
      ["startedAt", "timestamp"],
      ["endedAt", "timestamp"],
    ],
    conflict: null,
  },
  RollupDay: {
    columns: [
      ["accountId", "text"],
      ["scene", "text"],
      ["day", "text"],
      ["scans", "int"],
      ["follows", "int"],
      ["unfollows", "int"],
    ],
    conflict: { keys: ["accountId", "scene", "day"], add: ["scans", "follows", "unfollows"] },
  },
  RollupHour: {
    columns: [
      ["accountId", "text"],
      ["scene", "text"],
      ["hourStart", "timestamp"],
      ["scans", "int"],
      ["follows", "int"],
      ["unfollows", "int"],
    ],
    conflict: { keys: ["accountId", "scene", "hourStart"], add: ["scans", "follows", "unfollows"] },
  },
  ScannerDay: {
    columns: [
      ["accountId", "text"],
      ["scene", "text"],
      ["day", "text"],
      ["openid", "text"],
    ],
    conflict: { keys: ["accountId", "scene", "day", "openid"] },
  },
} satisfies Record<string, TableSpec>;

export type SeedTable = keyof typeof tableSpecs;

export interface BulkWriter {
  insert(table: SeedTable, rows: Row[]): Promise<void>;
  /**
   * Drops the tables' secondary indexes (not primary keys) for a large load and returns what
   * rebuilds them: building an index once from sorted data is many times faster than keeping it
   * current row by row. Until then the tables have no dedupe key: nothing else may write to them.
   */
  deferIndexes(tables: SeedTable[]): Promise<() => Promise<void>>;
  /**
   * Inserts many rows in primary-key order: staged in an unindexed temporary table, then copied
   * sorted, so the key's B-tree grows at its end instead of at random places (openids are random).
   */
  insertInKeyOrder(table: SeedTable, batches: Iterable<Row[]>): Promise<void>;
  /**
   * After a large load, leaves the database as one that grew by ingest would be: the planner's
   * statistics fresh and, on SQLite, the WAL folded back into the file (else the first writer
   * after the seed pays for checkpointing gigabytes); on PostgreSQL the tables vacuumed (else
   * autovacuum does it while the app is measured, and index-only scans need the visibility map).
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

const quote = (name: string) => `"${name}"`;

function conflictClause(table: SeedTable, spec: TableSpec): string {
  if (!spec.conflict) return "";
  const target = `ON CONFLICT (${spec.conflict.keys.map(quote).join(", ")})`;
  if (!spec.conflict.add) return ` ${target} DO NOTHING`;
  return ` ${target} DO UPDATE SET ${spec.conflict.add.map((column) => `${quote(column)} = ${quote(table)}.${quote(column)} + excluded.${quote(column)}`).join(", ")}`;
}

export function createBulkWriter(config: DatabaseConfig): BulkWriter {
  return byDatabase(config, {
    sqlite: ({ filePath }) => sqliteWriter(filePath),
    postgresql: ({ url, schema }) => postgresWriter(url, schema),
  });
}

function sqliteWriter(filePath: string): BulkWriter {
  const db = new Sqlite(filePath, { timeout: 30_000 });
  db.pragma("journal_mode = WAL");
  // A bulk load of rows known to be valid: no per-row foreign-key lookups, no fsync per batch
  // (a crash mid-seed leaves a partial seed, not a corrupt file: WAL stays consistent).
  db.pragma("foreign_keys = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  const statements = new Map<SeedTable, Sqlite.Statement>();
  // Prisma's SQLite adapter stores DateTime as ISO text with an explicit +00:00.
  const toValue = (value: Row[number], type: ColumnType) =>
    value === null
      ? null
      : type === "timestamp"
        ? new Date(value as number).toISOString().replace("Z", "+00:00")
        : type === "bool"
          ? value
            ? 1
            : 0
          : value;
  const statementFor = (table: SeedTable) => {
    let statement = statements.get(table);
    if (!statement) {
      const spec: TableSpec = tableSpecs[table];
      const sql = `INSERT INTO ${quote(table)} (${spec.columns.map(([name]) => quote(name)).join(", ")}) VALUES (${spec.columns.map(() => "?").join(", ")})${conflictClause(table, spec)}`;
      statements.set(table, (statement = db.prepare(sql)));
    }
    return statement;
  };
  // One prepared single-row statement in one transaction is better-sqlite3's fastest path.
  const insertAll = db.transaction((table: SeedTable, rows: Row[]) => {
    const types = (tableSpecs[table] as TableSpec).columns.map(([, type]) => type);
    const statement = statementFor(table);
    for (const row of rows) statement.run(row.map((value, index) => toValue(value, types[index]!)));
  });
  return {
    async insert(table, rows) {
      if (rows.length) insertAll(table, rows);
    },
    async insertInKeyOrder(table, batches) {
      const spec: TableSpec = tableSpecs[table];
      const columns = spec.columns.map(([name]) => quote(name)).join(", ");
      db.exec(`CREATE TEMP TABLE seed_stage AS SELECT ${columns} FROM ${quote(table)} WHERE 0`);
      const stage = db.prepare(
        `INSERT INTO seed_stage (${columns}) VALUES (${spec.columns.map(() => "?").join(", ")})`,
      );
      const types = spec.columns.map(([, type]) => type);
      const stageAll = db.transaction((rows: Row[]) => {
        for (const row of rows) stage.run(row.map((value, index) => toValue(value, types[index]!)));
      });
      for (const rows of batches) stageAll(rows);
      // "WHERE true" keeps SQLite from reading ON CONFLICT as part of the SELECT.
      db.exec(
        `INSERT INTO ${quote(table)} (${columns}) SELECT ${columns} FROM seed_stage WHERE true ORDER BY ${(spec.key ?? []).map(quote).join(", ") || "rowid"} ON CONFLICT DO NOTHING`,
      );
      db.exec("DROP TABLE seed_stage");
    },
    async deferIndexes(tables) {
      const indexes = tables.flatMap(
        (table) =>
          db
            .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
            .all(table) as { name: string; sql: string }[],
      );
      for (const index of indexes) db.exec(`DROP INDEX ${quote(index.name)}`);
      return async () => {
        for (const index of indexes) db.exec(index.sql);
      };
    },
    async settle() {
      db.pragma("analysis_limit = 2000");
      db.exec("ANALYZE");
      db.pragma("wal_checkpoint(TRUNCATE)");
    },
    async close() {
      db.close();
    },
  };
}

function postgresWriter(url: string, schema: string | undefined): BulkWriter {
  // Losing the last commits in a crash is fine for a seed; waiting for each one to be flushed is not.
  const settings = `-c synchronous_commit=off -c maintenance_work_mem=512MB${schema ? ` -c search_path=${schema}` : ""}`;
  const pool = new pg.Pool({ connectionString: url, max: 1, options: settings });
  let foreignKeyChecks: Promise<unknown> | null = null;
  const sqlType = { text: "text", int: "int4", bool: "bool", timestamp: "timestamp(3)" } as const;
  const toValue = (value: Row[number], type: ColumnType) =>
    value === null
      ? null
      : type === "timestamp"
        ? new Date(value as number).toISOString().replace("T", " ").replace("Z", "")
        : value;
  const insertRows = async (target: string, spec: TableSpec, rows: Row[], suffix: string) => {
    const columns = spec.columns.map(([name]) => quote(name)).join(", ");
    const unnest = spec.columns.map(([, type], index) => `$${index + 1}::${sqlType[type]}[]`).join(", ");
    for (let start = 0; start < rows.length; start += 5_000) {
      const chunk = rows.slice(start, start + 5_000);
      const arrays = spec.columns.map(([, type], index) => chunk.map((row) => toValue(row[index]!, type)));
      await pool.query(`INSERT INTO ${target} (${columns}) SELECT * FROM unnest(${unnest})${suffix}`, arrays);
    }
  };
  return {
    async insertInKeyOrder(table, batches) {
      const spec: TableSpec = tableSpecs[table];
      const columns = spec.columns.map(([name]) => quote(name)).join(", ");
      // One pooled connection, so the temporary table stays visible to every statement.
      await pool.query(`CREATE TEMP TABLE seed_stage AS SELECT ${columns} FROM ${quote(table)} WITH NO DATA`);
      for (const rows of batches) await insertRows("seed_stage", spec, rows, "");
      await pool.query(
        `INSERT INTO ${quote(table)} (${columns}) SELECT ${columns} FROM seed_stage ORDER BY ${(spec.key ?? []).map(quote).join(", ")} ON CONFLICT DO NOTHING`,
      );
      await pool.query("DROP TABLE seed_stage");
    },
    async deferIndexes(tables) {
      const { rows: indexes } = await pool.query<{ name: string; definition: string }>(
        `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
         WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
        [tables],
      );
      for (const index of indexes) await pool.query(`DROP INDEX ${quote(index.name)}`);
      return async () => {
        for (const index of indexes) await pool.query(index.definition);
      };
    },
    async insert(table, rows) {
      const spec: TableSpec = tableSpecs[table];
      // The rows are known to be valid: skip the per-row foreign-key triggers when allowed (a
      // superuser; otherwise they stay on and the load is only slower).
      foreignKeyChecks ??= pool.query("SET session_replication_role = replica").catch(() => undefined);
      await foreignKeyChecks;
      await insertRows(quote(table), spec, rows, conflictClause(table, spec));
    },
    async settle() {
      await pool.query("VACUUM (ANALYZE)");
    },
    async close() {
      await pool.end();
    },
  };
}
