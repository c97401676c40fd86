// What the webhook's thread and the ingest thread (ingest-worker.ts) send each other. Structured
// clones: plain data, Dates included; errors travel as their name, message and code.
import type { DatabaseConfig } from "@/lib/db/config";
import type { NormalizedEvent } from "@/lib/wechat/events";
import type { IngestAccount, StoredEvent } from "@/lib/events/store-event";
import type { AcceptedPush, PushToAccept } from "@/lib/events/accept-push";

/** A call, and what its answer holds. */
export type IngestThreadCall =
  /** A push as WeChat sent it: accept-push.ts. */
  | { kind: "accept"; push: PushToAccept }
  /** An event already opened and normalised (tests, replays): store-event.ts. */
  | { kind: "store"; account: IngestAccount; event: NormalizedEvent; raw: string | null };

export type IngestThreadAnswer<Call extends IngestThreadCall> = Call extends { kind: "accept" }
  ? AcceptedPush
  : StoredEvent;

export type IngestThreadMessage =
  | { kind: "call"; id: number; config: DatabaseConfig; call: IngestThreadCall }
  /** Close the database connection, then the thread. */
  | { kind: "close" };

export type IngestThreadReply =
  | { id: number; answer: AcceptedPush | StoredEvent }
  | { id: number; error: { name: string; message: string; code?: string } };
