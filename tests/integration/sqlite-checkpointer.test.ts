// The SQLite checkpoint worker keeps the WAL file bounded under a steady stream of commits, the way
// the webhook writes (a transaction after another, each retrying BEGIN IMMEDIATE while busy).
// Without its RESTART step the file grows with everything written (the control below).
import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import { restartWal, startCheckpointer } from "@/lib/db/sqlite-checkpointer";

const provider = process.env.QUDAO_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function writeSteadily(
  filePath: string,
  options: { restartAtBytes: number },
): Promise<{ largestWalBytes: number }> {
  const db = new Sqlite(filePath, { timeout: 0 });
  db.pragma("journal_mode = WAL");
  db.pragma("wal_autocheckpoint = 0");
  db.exec("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body BLOB)");
  let isRestartDue = false;
  const checkpointer = startCheckpointer(filePath, {
    everyMs: 10,
    restartAtBytes: options.restartAtBytes,
    onRestartDue: () => (isRestartDue = true),
  });
  expect(checkpointer).not.toBeNull();
  const insert = db.prepare("INSERT INTO t (body) VALUES (?)");
  const body = Buffer.alloc(4096, 7);
  let largestWalBytes = 0;
  try {
    // The worker opens its own connection first.
    await new Promise((resolve) => setTimeout(resolve, 300));
    // 2 000 transactions of 8 pages: about 65 MB through the WAL in 2 to 3 seconds.
    for (let transaction = 0; transaction < 2_000; transaction++) {
      for (;;) {
        try {
          db.exec("BEGIN IMMEDIATE");
          break;
        } catch (error) {
          if (!(error instanceof Sqlite.SqliteError) || !error.code.startsWith("SQLITE_BUSY")) throw error;
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      }
      for (let row = 0; row < 8; row++) insert.run(body);
      db.exec("COMMIT");
      // As the ingest connection does between its group commits.
      if (isRestartDue) {
        isRestartDue = false;
        restartWal(db);
      }
      largestWalBytes = Math.max(largestWalBytes, statSync(`${filePath}-wal`).size);
      // About 30 MB a second, like the webhook's pushes at 10 million events.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  } finally {
    await checkpointer?.stop();
    db.close();
  }
  return { largestWalBytes };
}

describe.skipIf(provider !== "sqlite")("SQLite checkpoint worker", () => {
  it("starts the WAL over once it passes the limit, while a writer commits without pause", async () => {
    const folder = mkdtempSync(join(tmpdir(), "qudao-checkpointer-"));
    folders.push(folder);
    const { largestWalBytes } = await writeSteadily(join(folder, "steady.db"), { restartAtBytes: 1024 * 1024 });
    expect(largestWalBytes).toBeLessThan(8 * 1024 * 1024);
  });

  it("(control) without the limit, the same writes grow the WAL with all that is written", async () => {
    const folder = mkdtempSync(join(tmpdir(), "qudao-checkpointer-"));
    folders.push(folder);
    const { largestWalBytes } = await writeSteadily(join(folder, "unbounded.db"), {
      restartAtBytes: Number.POSITIVE_INFINITY,
    });
    expect(largestWalBytes).toBeGreaterThan(8 * 1024 * 1024);
  });
});
