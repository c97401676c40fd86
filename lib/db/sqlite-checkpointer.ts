// Copies SQLite's WAL back into the database file from a worker thread. better-sqlite3 runs on the
// thread that calls it, and a checkpoint of a large database (random writes across gigabytes, then
// an fsync) took the webhook's thread for tens of milliseconds every thousand pages. The app's
// connections turn automatic checkpoints off while this runs; a PASSIVE checkpoint never waits for
// readers or writers, and what it cannot copy yet it copies on a later round.
import { createRequire } from "node:module";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { log } from "@/lib/log";

const everyMs = 1_000;

// The worker's code, evaluated as CommonJS by the Worker (no file to bundle or locate).
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driverPath);
const db = new Database(workerData.filePath, { timeout: 0 });
const timer = setInterval(() => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch (error) { parentPort.postMessage(String(error && error.message)); }
}, workerData.everyMs);
parentPort.on("message", () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/** Null when no worker can be started: the caller keeps SQLite's automatic checkpoints. */
export function startCheckpointer(filePath: string): Checkpointer | null {
  let worker: Worker;
  try {
    // Resolved from the app's root at run time: the worker is not part of any bundle.
    const driverPath = createRequire(join(process.cwd(), "package.json")).resolve("better-sqlite3");
    worker = new Worker(workerSource, { eval: true, workerData: { filePath, everyMs, driverPath } });
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
