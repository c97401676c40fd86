// Copies SQLite's WAL back into the database file from a worker thread. better-sqlite3 runs on the
// thread that calls it, and a checkpoint of a large database (random writes across gigabytes, then
// an fsync) took the webhook's thread for tens of milliseconds every thousand pages. The app's
// connections turn automatic checkpoints off while this runs; a PASSIVE checkpoint never waits for
// readers or writers, and what it cannot copy yet it copies on a later round.
//
// SQLite writes the WAL from its start again only when a writer finds it wholly copied. Under a
// steady stream of pushes it never is (a commit always lands while the copy runs), so the file
// grew without end: 6.8 GB after two minutes of load at 10 million events, all of it read again
// by the next process to open the database. Once the WAL passes restartAtBytes, a RESTART
// checkpoint takes the write lock for the moment it needs to copy the last frames, and the next
// commit starts the file over. The webhook's writer is not blocked by it: it retries BEGIN
// IMMEDIATE without waiting on the thread (ingest-connection.ts).
import { createRequire } from "node:module";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { log } from "@/lib/log";

const defaultEveryMs = 1_000;
const defaultRestartAtBytes = 256 * 1024 * 1024;

// The worker's code, evaluated as CommonJS by the Worker (no file to bundle or locate).
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driverPath);
// The busy timeout only lets RESTART wait for the writer between two commits; PASSIVE never waits.
const db = new Database(workerData.filePath, { timeout: 250 });
const pageSize = db.pragma("page_size", { simple: true });
const timer = setInterval(() => {
  try {
    const [copied] = db.pragma("wal_checkpoint(PASSIVE)");
    if (copied.log * pageSize > workerData.restartAtBytes) db.pragma("wal_checkpoint(RESTART)");
  } catch (error) { parentPort.postMessage(String(error && error.message)); }
}, workerData.everyMs);
parentPort.on("message", () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/** Null when no worker can be started: the caller keeps SQLite's automatic checkpoints. */
export function startCheckpointer(filePath: string, options: { everyMs?: number; restartAtBytes?: number } = {}): Checkpointer | null {
  const everyMs = options.everyMs ?? defaultEveryMs;
  const restartAtBytes = options.restartAtBytes ?? defaultRestartAtBytes;
  let worker: Worker;
  try {
    // Resolved from the app's root at run time: the worker is not part of any bundle.
    const driverPath = createRequire(join(process.cwd(), "package.json")).resolve("better-sqlite3");
    worker = new Worker(workerSource, { eval: true, workerData: { filePath, everyMs, restartAtBytes, driverPath } });
  } catch (error) {
    log.warn({ err: error }, "SQLite checkpoints stay on the main thread: no worker thread");
    return null;
  }
  worker.unref();
  worker.on("message", (message: string) => log.warn(`SQLite checkpoint failed: ${message}`));
  worker.on("error", (error) => log.warn({ err: error }, "SQLite checkpoint worker stopped"));
  return {
    async stop() {
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      worker.postMessage("stop");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 1_000))]);
    },
  };
}
