// Applies the committed migrations (prisma/migrations/<provider>/) to SQLite or PostgreSQL without
// the Prisma CLI, which cannot run migrations offline. The engine records each migration in
// Prisma's own _prisma_migrations table, so `prisma migrate deploy` can take over on a machine
// where the CLI works.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery } from "@prisma/driver-adapter-utils";
import type { DatabaseConfig, DatabaseProvider } from "@/lib/db/config";
import { byDatabase, byProvider } from "@/lib/db/dialect";
import { noSchemaFilter, readMigrationList, withSchemaEngine } from "@/lib/db/schema-engine";

export type MigrateOptions = {
  log?: (line: string) => void;
  /** Folder holding one migrations folder per provider; defaults to ./prisma/migrations. */
  migrationsRoot?: string;
};

export type DiffOptions = MigrateOptions & {
  /** The full Prisma schema to diff to; defaults to the generated prisma/<provider>/schema.prisma. */
  datamodel?: string;
  /** PostgreSQL only: the server that hosts the throwaway shadow schema the migrations replay in. */
  shadowDatabaseUrl?: string;
};

export function migrationsDirectoryFor(provider: DatabaseProvider, migrationsRoot?: string): string {
  return join(migrationsRoot ?? join(process.cwd(), "prisma", "migrations"), provider);
}

/** Applies every migration not yet recorded in _prisma_migrations; a second run applies nothing. */
export async function migrateDatabase(
  config: DatabaseConfig,
  options: MigrateOptions = {},
): Promise<{ applied: string[] }> {
  const migrationList = await readMigrationList(
    migrationsDirectoryFor(config.provider, options.migrationsRoot),
    config.provider,
  );
  const apply = (adapterFactory: SqlMigrationAwareDriverAdapterFactory) =>
    withSchemaEngine(
      adapterFactory,
      async (engine) => {
        const { appliedMigrationNames } = await engine.applyMigrations({
          migrationsList: migrationList,
          filters: noSchemaFilter,
        });
        return { applied: appliedMigrationNames };
      },
      options.log,
    );

  const result = await byDatabase(config, {
    sqlite: ({ filePath }) => apply(prepareSqliteFile(filePath)),
    postgresql: ({ url, schema }) =>
      withPostgresPool(url, schema, async (pool) => {
        if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
        return apply(new PrismaPg(pool, schema ? { schema } : undefined));
      }),
  });
  for (const name of result.applied) options.log?.(`applied ${name}`);
  return result;
}

/**
 * The SQL that takes a database from the state of the committed migrations to `datamodel`, or
 * null when there is nothing to do. The migrations are replayed in a throwaway shadow database:
 * an in-memory SQLite database, or a temporary PostgreSQL schema that is dropped afterwards.
 */
export async function diffMigrationSql(provider: DatabaseProvider, options: DiffOptions = {}): Promise<string | null> {
  const migrationList = await readMigrationList(migrationsDirectoryFor(provider, options.migrationsRoot), provider);
  const datamodel =
    options.datamodel ?? (await readFile(join(process.cwd(), "prisma", provider, "schema.prisma"), "utf8"));
  const diff = (adapterFactory: SqlMigrationAwareDriverAdapterFactory) =>
    withSchemaEngine(
      adapterFactory,
      async (engine) => {
        const result = await engine.diff({
          from: { tag: "migrations", ...migrationList },
          to: { tag: "schemaDatamodel", files: [{ path: `prisma/${provider}/schema.prisma`, content: datamodel }] },
          script: true,
          // With exitCode set the engine answers 2 for "there is a difference", 0 for none.
          exitCode: true,
          filters: noSchemaFilter,
        });
        return result.exitCode === 2 ? (result.stdout ?? "") : null;
      },
      options.log,
    );

  return byProvider(provider, {
    sqlite: () => {
      const inMemory = new PrismaBetterSqlite3({ url: ":memory:" });
      return diff({
        provider: inMemory.provider,
        adapterName: inMemory.adapterName,
        connect: () => inMemory.connect(),
        connectToShadowDb: async () => runScriptsWhole(await inMemory.connectToShadowDb()),
      });
    },
    postgresql: () => diffOnPostgres(diff, options.shadowDatabaseUrl),
  });
}

/** The migrations replayed in a temporary schema of a PostgreSQL server, dropped afterwards. */
async function diffOnPostgres(
  diff: (adapterFactory: SqlMigrationAwareDriverAdapterFactory) => Promise<string | null>,
  shadowDatabaseUrl: string | undefined,
): Promise<string | null> {
  if (!shadowDatabaseUrl)
    throw new Error("diffMigrationSql: PostgreSQL needs shadowDatabaseUrl (a server to replay the migrations on)");
  const shadowSchema = `prisma_shadow_${randomBytes(6).toString("hex")}`;
  return withPostgresPool(shadowDatabaseUrl, undefined, async (adminPool) => {
    await adminPool.query(`CREATE SCHEMA "${shadowSchema}"`);
    try {
      return await withPostgresPool(shadowDatabaseUrl, shadowSchema, (pool) => {
        const inShadowSchema = new PrismaPg(pool, { schema: shadowSchema });
        // The adapter's own shadow database is a CREATE DATABASE, which needs a privilege a
        // schema does not; the main connection is never written to by a diff, so both share it.
        return diff({
          provider: inShadowSchema.provider,
          adapterName: inShadowSchema.adapterName,
          connect: () => inShadowSchema.connect(),
          connectToShadowDb: () => inShadowSchema.connect(),
        });
      });
    } finally {
      await adminPool.query(`DROP SCHEMA IF EXISTS "${shadowSchema}" CASCADE`);
    }
  });
}

/**
 * When the engine replays migrations into the shadow database it sends each whole migration.sql
 * as one parameterless executeRaw, which better-sqlite3 refuses ("more than one statement").
 * Run those as scripts instead; the shadow database's affected-row counts matter to no one.
 */
function runScriptsWhole(connection: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(connection, {
    get(target, property) {
      if (property === "executeRaw") {
        return async (query: SqlQuery) => {
          if (query.args.length > 0) return target.executeRaw(query);
          await target.executeScript(query.sql);
          return 0;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Creates the file's folder and switches it to WAL, which SQLite remembers in the file itself. */
function prepareSqliteFile(filePath: string): PrismaBetterSqlite3 {
  mkdirSync(dirname(filePath), { recursive: true });
  const database = new BetterSqlite3(filePath, { timeout: 10_000 });
  try {
    // WAL lets the dashboard read while the webhook writes.
    database.pragma("journal_mode = WAL");
  } finally {
    database.close();
  }
  return new PrismaBetterSqlite3({ url: filePath, timeout: 10_000 });
}

// Lower-case identifiers only: search_path folds unquoted names to lower case, and this keeps the
// name safe to splice into SQL and into the connection's options string.
const postgresSchemaName = /^[a-z_][a-z0-9_]{0,62}$/;

async function withPostgresPool<T>(
  url: string,
  schema: string | undefined,
  work: (pool: pg.Pool) => Promise<T>,
): Promise<T> {
  if (schema !== undefined && !postgresSchemaName.test(schema)) {
    throw new Error(`PostgreSQL schema "${schema}" must be lower-case letters, digits and underscores`);
  }
  // search_path (not only the adapter's `schema` option) is what puts the engine's own tables,
  // _prisma_migrations included, in the schema.
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  try {
    return await work(withCatalogCharAsText(pool));
  } finally {
    await pool.end();
  }
}

const postgresCharTypeId = 18;
const postgresTextTypeId = 25;

/**
 * The engine reads pg_catalog columns of PostgreSQL's internal one-byte "char" type (type id 18,
 * e.g. pg_constraint.contype). @prisma/adapter-pg 7.10 has no mapping for that type and fails the
 * whole query ("Column type 'char' could not be deserialized"), which breaks every diff on
 * PostgreSQL. The values are plain text, so the pool the engine uses reports the type as text.
 */
function withCatalogCharAsText(pool: pg.Pool): pg.Pool {
  const relabel = (result: unknown): unknown => {
    const fields = (result as Partial<pg.QueryResult> | null)?.fields;
    for (const field of fields ?? [])
      if (field.dataTypeID === postgresCharTypeId) field.dataTypeID = postgresTextTypeId;
    return result;
  };
  const relabelQueries = <T extends pg.Pool | pg.PoolClient>(queryable: T): T =>
    new Proxy(queryable, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (property === "query" && typeof value === "function") {
          return (...args: unknown[]) => {
            const pending: unknown = value.apply(target, args);
            return pending instanceof Promise ? pending.then(relabel) : pending;
          };
        }
        // Transactions run on a client checked out of the pool.
        if (property === "connect" && typeof value === "function" && target instanceof pg.Pool) {
          return (...args: unknown[]) => {
            const pending: unknown = value.apply(target, args);
            return pending instanceof Promise
              ? pending.then((client: pg.PoolClient) => relabelQueries(client))
              : pending;
          };
        }
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return relabelQueries(pool);
}
