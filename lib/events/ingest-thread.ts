// The webhook's pushes are opened and stored on a thread of their own (ingest-worker.ts).
// better-sqlite3 is synchronous and pg's per-statement work is JavaScript: either way, a push's
// dozen statements took ~0.7 ms of the one thread that serves every HTTP request, and verifying,
// decrypting and parsing it another ~0.2 ms. On their own thread they use the second core, and the
// HTTP thread only reads the body, hands it over and answers.
//
// Next's bundler builds the worker from `new Worker(new URL(…, import.meta.url))` (Turbopack bundles
// worker_threads entries); where the code runs from its TypeScript sources (tests, the CLI under
// tsx), the worker loads them through tsx.
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { getDatabaseConfig } from "@/lib/db/client";
import { log } from "@/lib/log";
import type {
  IngestThreadAnswer,
  IngestThreadCall,
  IngestThreadMessage,
  IngestThreadReply,
} from "@/lib/events/ingest-thread-messages";

interface Pending {
  resolve: (answer: unknown) => void;
  reject: (error: Error) => void;
}

interface IngestThread {
  worker: Worker;
  pending: Map<number, Pending>;
  nextId: number;
}

// On globalThis: one thread per process, across Next's module copies.
const holder = globalThis as typeof globalThis & { __qudaoIngestThread?: IngestThread };

/** Runs the call on the ingest thread (ingest-worker.ts), against the database this thread uses. */
export function callIngestThread<Call extends IngestThreadCall>(call: Call): Promise<IngestThreadAnswer<Call>> {
  const thread = (holder.__qudaoIngestThread ??= startIngestThread());
  const id = thread.nextId++;
  return new Promise((resolve, reject) => {
    // Held only while a call is in flight, so a script that ingests can still exit when done.
    if (thread.pending.size === 0) thread.worker.ref();
    thread.pending.set(id, { resolve: resolve as (answer: unknown) => void, reject });
    thread.worker.postMessage({ kind: "call", id, config: getDatabaseConfig(), call } satisfies IngestThreadMessage);
  });
}

/** Closes the ingest thread's connection and ends it (tests; a script's end). */
export async function stopIngestThread(): Promise<void> {
  const thread = holder.__qudaoIngestThread;
  if (!thread) return;
  holder.__qudaoIngestThread = undefined;
  const exited = new Promise((resolve) => thread.worker.once("exit", resolve));
  thread.worker.ref();
  thread.worker.postMessage({ kind: "close" } satisfies IngestThreadMessage);
  await exited;
}

function startIngestThread(): IngestThread {
  const worker = isRunningFromSources()
    ? new Worker(
        `require("tsx/cjs"); require(${JSON.stringify(fileURLToPath(new URL("./ingest-worker.ts", import.meta.url)))});`,
        { eval: true },
      )
    : new Worker(new URL("./ingest-worker.ts", import.meta.url));
  worker.unref();
  const thread: IngestThread = { worker, pending: new Map(), nextId: 1 };
  worker.on("message", (reply: IngestThreadReply) => {
    const pending = thread.pending.get(reply.id);
    if (!pending) return;
    thread.pending.delete(reply.id);
    if (thread.pending.size === 0) worker.unref();
    if ("error" in reply) pending.reject(Object.assign(new Error(reply.error.message), reply.error));
    else pending.resolve(reply.answer);
  });
  // A thread that died takes its transactions with it (rolled back, or committed before it died):
  // their pushes are refused, WeChat sends them again, and the next push starts a new thread.
  const fail = (error: Error) => {
    if (holder.__qudaoIngestThread === thread) holder.__qudaoIngestThread = undefined;
    for (const pending of thread.pending.values()) pending.reject(error);
    thread.pending.clear();
  };
  worker.on("error", (error) => {
    log.error({ err: error }, "the ingest thread failed");
    fail(error);
  });
  worker.on("exit", (code) => fail(new Error(`The ingest thread exited (code ${code})`)));
  return thread;
}

/**
 * Next sets NEXT_RUNTIME in the server it runs (dev and production), whose bundle holds the worker.
 * (Not import.meta.url: Next's bundle keeps the source file's URL there.)
 */
function isRunningFromSources(): boolean {
  return process.env.NEXT_RUNTIME !== "nodejs";
}
