// The webhook's ingest: a push stored exactly once, with the follower's state and the rollups in
// the same transaction (store-event.ts), which runs on the ingest thread (ingest-thread.ts).
import { getDb } from "@/lib/db/client";
import type { NormalizedEvent } from "@/lib/wechat/events";
import type { IngestAccount } from "@/lib/events/store-event";
import type { StoredEvent } from "@/lib/events/store-event";
import { callIngestThread } from "@/lib/events/ingest-thread";

/** What makes a push the same push: its time and its key (the Event table's unique key). */
type EventKey = Pick<NormalizedEvent, "occurredAt" | "dedupeKey">;

export interface IngestResult {
  isDuplicate: boolean;
  eventId: number;
  channel: { id: string; welcomeMessage: string | null } | null;
  /** Work was queued for after the reply: kick the job worker. */
  hasQueuedWork: boolean;
}

/**
 * Stores an opened, normalised event exactly once (tests and replays; the webhook hands the ingest
 * thread the push as sent: receive-push.ts).
 */
export async function ingestEvent(
  account: IngestAccount,
  event: NormalizedEvent,
  raw: string | null,
): Promise<IngestResult> {
  return resultOfStoring(account.id, event, await callIngestThread({ kind: "store", account, event, raw }));
}

/** What storing gave; for a retry of a push already stored (null), what was stored then. */
export async function resultOfStoring(
  accountId: string,
  event: EventKey,
  stored: StoredEvent | null,
): Promise<IngestResult> {
  if (stored) return { ...stored, isDuplicate: false };
  const existing = await findStoredEvent(accountId, event);
  if (existing) return { ...existing, isDuplicate: true, hasQueuedWork: false };
  throw new Error("A push was refused as a duplicate but no stored event has its key");
}

async function findStoredEvent(
  accountId: string,
  { occurredAt, dedupeKey }: EventKey,
): Promise<Omit<IngestResult, "isDuplicate" | "hasQueuedWork"> | null> {
  const stored = await getDb().event.findUnique({
    where: { accountId_occurredAt_dedupeKey: { accountId, occurredAt, dedupeKey } },
    select: { id: true, channel: { select: { id: true, welcomeMessage: true } } },
  });
  return stored ? { eventId: stored.id, channel: stored.channel } : null;
}
