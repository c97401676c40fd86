// Copies SQLite's WAL back into the database file from a worker thread. better-sqlite3 runs on the
// thread that calls it, and a checkpoint of a large database (random writes across gigabytes, then
// an fsync) took the writer's thread for tens of milliseconds every thousand pages. The app's
// connections turn automatic checkpoints off while this runs; a PASSIVE checkpoint never waits for
// readers or writers, and what it cannot copy yet it copies on a later round.
//
// SQLite writes the WAL from its start again only when a writer finds it wholly copied. Under a
// steady stream of pushes it never is (a commit always lands while the copy runs), so the file
// grew without end: 6.8 GB after two minutes of load at 10 million events, all of it read again
// by the next process to open the database. A RESTART checkpoint starts it over, but run here it
// held the write lock for 300–400 ms each time (its busy handler sleeps between tries, the writer
// waiting all along) even with nothing left to copy. So once the WAL passes restartAtBytes and the
// PASSIVE passes have caught up, the worker tells the writer (onRestartDue), which runs RESTART on
// its own connection between two commits. It still copies and syncs the pages written since the
// last pass: 250–300 ms at 10 million events under full load (~1 000 random pages on this disk),
// so the limit is high enough that this happens every ~15 s of such load, not every 4 s.
import { createRequire } from "node:module";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { log } from "@/lib/log";

const defaultEveryMs = 1_000;
const defaultRestartAtBytes = 1024 * 1024 * 1024;
/** The writer is told to restart once at most this much of the WAL is left to copy (or the passes run out). */
const catchUpBytes = 4 * 1024 * 1024;
const catchUpPasses = 20;

// The worker's code, evaluated as CommonJS by the Worker (no file to bundle or locate).
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driverPath);
const db = new Database(workerData.filePath, { timeout: 0 });
const pageSize = db.pragma("page_size", { simple: true });
const passive = () => db.pragma("wal_checkpoint(PASSIVE)")[0];
const timer = setInterval(() => {
  try {
    let state = passive();
    if (state.log * pageSize <= workerData.restartAtBytes) return;
    // Copy what the writer would otherwise copy while it restarts: it is only the last frames then.
    for (let pass = 0; pass < workerData.catchUpPasses && (state.log - state.checkpointed) * pageSize > workerData.catchUpBytes; pass++) state = passive();
    parentPort.postMessage({ restartDue: true });
  } catch (error) { parentPort.postMessage({ failure: String(error && error.message) }); }
}, workerData.everyMs);
parentPort.on("message", () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/** Null when no worker can be started: the caller keeps SQLite's automatic checkpoints. */
/**
 * `onRestartDue`: the WAL is past restartAtBytes and copied: the writer should run
 * `PRAGMA wal_checkpoint(RESTART)` on its connection between two transactions (restartWal).
 */
export function startCheckpointer(
  filePath: string,
  options: { everyMs?: number; restartAtBytes?: number; onRestartDue: () => void },
): Checkpointer | null {
  const everyMs = options.everyMs ?? defaultEveryMs;
  const restartAtBytes = options.restartAtBytes ?? defaultRestartAtBytes;
  let worker: Worker;
  try {
    // Resolved from the app's root at run time: the worker is not part of any bundle.
    const driverPath = createRequire(join(process.cwd(), "package.json")).resolve("better-sqlite3");
    worker = new Worker(workerSource, {
      eval: true,
      workerData: { filePath, everyMs, restartAtBytes, driverPath, catchUpBytes, catchUpPasses },
    });
  } catch (error) {
    log.warn({ err: error }, "SQLite checkpoints stay on the main thread: no worker thread");
    return null;
  }
  worker.unref();
  worker.on("message", (message: { restartDue?: true; failure?: string }) => {
    if (message.restartDue) options.onRestartDue();
    else log.warn(`SQLite checkpoint failed: ${message.failure}`);
  });
  worker.on("error", (error) => log.warn({ err: error }, "SQLite checkpoint worker stopped"));
  return {
    async stop() {
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
      worker.postMessage("stop");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 1_000))]);
    },
  };
}

/**
 * The writer's part: starts the WAL over, between two of its transactions. It never waits: with
 * the connection's busy timeout at 0, a reader still on the WAL makes it return at once, and the
 * next signal tries again.
 */
export function restartWal(db: { pragma(source: string): unknown }): void {
  try {
    db.pragma("wal_checkpoint(RESTART)");
  } catch (error) {
    log.warn({ err: error }, "SQLite could not start the WAL over");
  }
}
