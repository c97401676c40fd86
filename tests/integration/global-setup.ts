// One fresh database per integration run: a temporary SQLite file, or a new PostgreSQL schema
// (dropped afterwards). Migrated with the real runner; tests create their own rows in it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { execFileSync } from "node:child_process";
import type { DatabaseConfig } from "@/lib/db/config";

declare module "vitest" {
  export interface ProvidedContext {
    databaseConfig: DatabaseConfig;
    dataDir: string;
  }
}

// Migrated by the real command in its own process: both integration projects set up in this
// process, and two copies of the WASM schema engine's glue module in one process collide.
function migrateWithCli(config: DatabaseConfig): void {
  const databaseUrl =
    config.provider === "sqlite"
      ? `file:${config.filePath}`
      : `${config.url}${config.url.includes("?") ? "&" : "?"}schema=${config.schema}`;
  execFileSync(join(process.cwd(), "node_modules", ".bin", "tsx"), ["scripts/db-migrate.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), "qudao-test-"));
  let config: DatabaseConfig;
  let cleanup: () => Promise<void>;
  // The project decides (its test.env reaches the workers, not this setup).
  if (project.name === "integration-postgresql") {
    const url = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
    const schema = `qudao_test_${randomBytes(5).toString("hex")}`;
    config = { provider: "postgresql", url, schema };
    cleanup = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    };
  } else {
    config = { provider: "sqlite", filePath: join(dataDir, "qudao.db") };
    cleanup = async () => {};
  }
  migrateWithCli(config);
  project.provide("databaseConfig", config);
  project.provide("dataDir", dataDir);
  return async () => {
    await cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
