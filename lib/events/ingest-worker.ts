// The ingest thread's entry (started by ingest-thread.ts): opens and stores the pushes the webhook
// hands it, each in its transaction, on this thread's own database connection. Calls run
// concurrently: on SQLite they share group commits, on PostgreSQL the pool's connections.
import { parentPort } from "node:worker_threads";
import { useDatabaseConfig } from "@/lib/db/client";
import { closeIngestConnection } from "@/lib/db/ingest/connection";
import { acceptPush } from "@/lib/events/accept-push";
import { storeEvent } from "@/lib/events/store-event";
import type { IngestThreadCall, IngestThreadMessage, IngestThreadReply } from "@/lib/events/ingest-thread-messages";

const port = parentPort;
if (!port) throw new Error("ingest-worker.ts runs as a worker thread (ingest-thread.ts starts it)");

port.on("message", (message: IngestThreadMessage) => {
  if (message.kind === "close") {
    void closeIngestConnection().finally(() => port.close());
    return;
  }
  const { id, config, call } = message;
  useDatabaseConfig(config);
  answer(call).then(
    (value) => port.postMessage({ id, answer: value } satisfies IngestThreadReply),
    (error: unknown) => port.postMessage({ id, error: describeError(error) } satisfies IngestThreadReply),
  );
});

function answer(call: IngestThreadCall) {
  return call.kind === "accept" ? acceptPush(call.push) : storeEvent(call.account, call.event, call.raw);
}

function describeError(error: unknown): Extract<IngestThreadReply, { error: unknown }>["error"] {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(typeof code === "string" ? { code } : {}) };
}
