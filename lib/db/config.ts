// Which database a DATABASE_URL names, in the one shape the client factory and the migration
// runner both take. SQLite is the embedded default; anything starting with postgres is PostgreSQL.
import { isAbsolute, resolve } from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

export type DatabaseConfig =
  | { provider: "sqlite"; filePath: string }
  /** `schema` puts every table (Prisma's _prisma_migrations included) in that PostgreSQL schema. */
  | { provider: "postgresql"; url: string; schema?: string };

export const defaultSqliteFile = "./data/qudao.db";

/**
 * Each SQLite connection's page cache: 64 MiB (negative = KiB) instead of SQLite's 2 MiB, so a
 * year of rollups and the hot parts of the indexes stay in memory rather than being read again
 * from the OS on every dashboard call and push.
 */
export const sqliteCachePragma = -65_536;

/**
 * Each SQLite connection reads the file through a memory map rather than read() calls: a page
 * the OS has cached costs no system call and no copy. SQLite caps the map at its build's limit
 * (2 GiB for better-sqlite3's): asked for more, it maps that much of the file. Writes still go
 * through the WAL. At 2M events the webhook went from 0.68–0.71 to 0.75–0.80 of the bare route
 * (docs/benchmarks.md).
 */
export const sqliteMmapPragma = 1024 ** 4;

export function parseDatabaseUrl(databaseUrl: string | undefined, cwd = process.cwd()): DatabaseConfig {
  const url = databaseUrl?.trim() || `file:${defaultSqliteFile}`;
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema") ?? undefined;
    parsed.searchParams.delete("schema");
    return { provider: "postgresql", url: parsed.toString(), schema };
  }
  const path = url.replace(/^file:/, "").replace(/^sqlite:/, "");
  return { provider: "sqlite", filePath: isAbsolute(path) ? path : resolve(cwd, path) };
}
