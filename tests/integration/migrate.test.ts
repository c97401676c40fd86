// The offline migration runner on the selected real database (QUDAO_TEST_DATABASE): a fresh
// database gets every committed migration and Prisma's own bookkeeping, a second run is a no-op,
// a generated client works on the result, and the committed migrations match the models.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { DatabaseConfig } from "@/lib/db/config";
import { diffMigrationSql, migrateDatabase, migrationsDirectoryFor } from "@/lib/db/migrate";
import { PrismaClient as SqliteClient } from "@/lib/db/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/db/generated/postgresql/client";
import { schemaFor } from "@/scripts/prisma-generate.mjs";

const provider = process.env.QUDAO_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
const postgresUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  applied_steps_count: number;
};

const committedMigrations = readdirSync(migrationsDirectoryFor(provider), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function committedChecksum(migrationName: string): string {
  const sql = readFileSync(join(migrationsDirectoryFor(provider), migrationName, "migration.sql"));
  return createHash("sha256").update(sql).digest("hex");
}

let config: DatabaseConfig;
let sqliteFolder: string | undefined;
let adminPool: pg.Pool | undefined;

beforeAll(() => {
  if (provider === "sqlite") {
    sqliteFolder = mkdtempSync(join(tmpdir(), "qudao-migrate-"));
    // A folder that does not exist yet: the runner creates it.
    config = { provider, filePath: join(sqliteFolder, "nested", "qudao.db") };
  } else {
    adminPool = new pg.Pool({ connectionString: postgresUrl, max: 1 });
    config = { provider, url: postgresUrl, schema: `qudao_migrate_${randomBytes(5).toString("hex")}` };
  }
});

afterAll(async () => {
  if (sqliteFolder) rmSync(sqliteFolder, { recursive: true, force: true });
  if (adminPool && config.provider === "postgresql") {
    await adminPool.query(`DROP SCHEMA IF EXISTS "${config.schema}" CASCADE`);
    await adminPool.end();
  }
});

async function readMigrationRows(): Promise<MigrationRow[]> {
  const sql =
    "SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name";
  if (config.provider === "sqlite") {
    const database = new BetterSqlite3(config.filePath, { readonly: true });
    try {
      return database.prepare(sql).all() as MigrationRow[];
    } finally {
      database.close();
    }
  }
  const { rows } = await adminPool!.query<MigrationRow>(
    sql.replace("_prisma_migrations", `"${config.schema}"._prisma_migrations`),
  );
  return rows;
}

describe(`migrateDatabase on ${provider}`, () => {
  it("applies every committed migration to a fresh database and records each as finished", async () => {
    expect(committedMigrations.length).toBeGreaterThan(0);
    const { applied } = await migrateDatabase(config);
    expect(applied).toEqual(committedMigrations);

    const rows = await readMigrationRows();
    expect(rows.map((row) => row.migration_name)).toEqual(committedMigrations);
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
      // The checksum Prisma's CLI compares against: a later `prisma migrate deploy` accepts these rows.
      expect(row.checksum).toBe(committedChecksum(row.migration_name));
    }
  });

  it("puts the database where the configuration says", async () => {
    if (config.provider === "sqlite") {
      const database = new BetterSqlite3(config.filePath, { readonly: true });
      try {
        expect(database.pragma("journal_mode", { simple: true })).toBe("wal");
      } finally {
        database.close();
      }
      return;
    }
    const { rows } = await adminPool!.query<{ table_schema: string; table_name: string }>(
      `SELECT table_schema, table_name FROM information_schema.tables WHERE table_name IN ('_prisma_migrations', 'Account') AND table_schema = $1 ORDER BY table_name`,
      [config.schema],
    );
    expect(rows.map((row) => row.table_name)).toEqual(["Account", "_prisma_migrations"]);
  });

  it("applies nothing when run again", async () => {
    const before = await readMigrationRows();
    const { applied } = await migrateDatabase(config);
    expect(applied).toEqual([]);
    expect(await readMigrationRows()).toEqual(before);
  });

  it("leaves a database the generated client can write and read", async () => {
    const appId = `wx${randomBytes(8).toString("hex")}`;
    const input = {
      name: "Store 12",
      appId,
      appSecretEncrypted: "s",
      tokenEncrypted: "t",
      apiBaseUrl: "http://127.0.0.1/sandbox",
    };
    if (config.provider === "sqlite") {
      const client = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: config.filePath }) });
      try {
        const created = await client.account.create({ data: input });
        const found = await client.account.findUniqueOrThrow({ where: { appId } });
        expect(found).toMatchObject({ id: created.id, name: "Store 12", mode: "plaintext", timezone: "Asia/Shanghai" });
      } finally {
        await client.$disconnect();
      }
      return;
    }
    const pool = new pg.Pool({ connectionString: config.url, options: `-c search_path=${config.schema}` });
    const client = new PostgresClient({ adapter: new PrismaPg(pool, { schema: config.schema }) });
    try {
      const created = await client.account.create({ data: input });
      const found = await client.account.findUniqueOrThrow({ where: { appId } });
      expect(found).toMatchObject({ id: created.id, name: "Store 12", mode: "plaintext", timezone: "Asia/Shanghai" });
      const { rows } = await adminPool!.query<{ count: string }>(
        `SELECT count(*) FROM "${config.schema}"."Account" WHERE "appId" = $1`,
        [appId],
      );
      expect(rows[0]?.count).toBe("1");
    } finally {
      await client.$disconnect();
      await pool.end();
    }
  });
});

describe(`committed ${provider} migrations`, () => {
  it("are up to date with prisma/models.prisma (else: npm run db:migration:new -- --name <change>)", async () => {
    const pendingSql = await diffMigrationSql(provider, {
      datamodel: schemaFor(provider),
      shadowDatabaseUrl: postgresUrl,
    });
    expect(pendingSql).toBeNull();
  });
});
