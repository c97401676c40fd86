// Shared by the channel benchmarks: a fresh database when run on their own, an account of their
// own, and writing their section of docs/benchmarks.md without touching the other sections.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { resetEnvForTests } from "@/lib/env";
import { getDatabaseConfig } from "@/lib/db/client";
import { byDatabase } from "@/lib/db/dialect";
import { migrateDatabase } from "@/lib/db/migrate";
import { createAccount } from "@/lib/accounts/manage-accounts";

/** Points the app at a new, migrated SQLite file unless DATABASE_URL names one. */
export async function prepareBenchDatabase(): Promise<string> {
  if (!process.env.DATABASE_URL) {
    const dataDir = mkdtempSync(join(tmpdir(), "qudao-bench-"));
    process.env.DATABASE_URL = `file:${join(dataDir, "qudao.db")}`;
    process.env.QUDAO_DATA_DIR = dataDir;
  }
  process.env.LOG_LEVEL ??= "warn";
  resetEnvForTests();
  const config = getDatabaseConfig();
  await migrateDatabase(config);
  return byDatabase(config, { sqlite: () => "SQLite", postgresql: () => "PostgreSQL" });
}

/** An account of the benchmark's own; its API base is never called. */
export async function createBenchAccount(label: string) {
  return createAccount({
    name: `Bench ${label}`,
    appId: `wx${randomBytes(8).toString("hex")}`,
    appSecret: randomBytes(16).toString("hex"),
    token: randomBytes(8).toString("hex"),
    mode: "plaintext",
    apiBaseUrl: "https://api.weixin.qq.com",
  });
}

export const benchmarksFile = join(process.cwd(), "docs", "benchmarks.md");

/**
 * Replaces the section under `heading` ("## QR archive") in docs/benchmarks.md, or appends it.
 * The file is read right before writing: other benchmarks write their own sections.
 */
export function recordBenchmarkSection(heading: string, body: string): void {
  const current = existsSync(benchmarksFile) ? readFileSync(benchmarksFile, "utf8") : "# Benchmarks\n";
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = current.indexOf(`${heading}\n`);
  if (start < 0) {
    writeFileSync(benchmarksFile, `${current.trimEnd()}\n\n${section}`);
    return;
  }
  const next = current.indexOf("\n## ", start + heading.length);
  const end = next < 0 ? current.length : next + 1;
  writeFileSync(benchmarksFile, `${current.slice(0, start)}${section}${next < 0 ? "" : "\n"}${current.slice(end)}`);
}

export function machineLine(): string {
  const cores = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "unknown CPU"}`;
  return `Node ${process.version}, ${process.platform}/${process.arch}, ${cores}, database ${getDatabaseConfig().provider}`;
}
