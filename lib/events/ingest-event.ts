// The webhook's ingest: a push stored exactly once, with the follower's state and the rollups in
// the same transaction (store-event.ts), which runs on the ingest thread (ingest-thread.ts).
import type { NormalizedEvent } from "@/lib/wechat/events";
import type { IngestAccount, StoredEvent } from "@/lib/events/store-event";
import { callIngestThread } from "@/lib/events/ingest-thread";

/**
 * Stores an opened, normalised event exactly once (tests and replays; the webhook hands the ingest
 * thread the push as sent: receive-push.ts).
 */
export async function ingestEvent(
  account: IngestAccount,
  event: NormalizedEvent,
  raw: string | null,
): Promise<StoredEvent> {
  return callIngestThread({ kind: "store", account, event, raw });
}
