// Stores one normalised push exactly once: the event, the follower's state, the rollups and
// the work to do after the reply (auto-tagging) in one transaction. A retry of the same push
// hits the (account, dedupeKey) unique key and changes nothing.
import { getDb, isUniqueViolation } from "@/lib/db/client";
import type { NormalizedEvent } from "@/lib/wechat/events";
import { applyEventToFollower } from "@/lib/events/follower-state";
import { addToRollups } from "@/lib/events/rollups";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { autoTagJobKey } from "@/lib/jobs/auto-tag";

export interface IngestResult {
  isDuplicate: boolean;
  eventId: number;
  channel: { id: string; welcomeMessage: string | null } | null;
  /** Work was queued for after the reply: kick the job worker. */
  hasQueuedWork: boolean;
}

const transactionAttempts = 4;

export async function ingestEvent(account: { id: string; timezone: string }, event: NormalizedEvent, raw: string | null): Promise<IngestResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeEvent(account, event, raw);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await findStoredEvent(account.id, event.dedupeKey);
      if (existing) return { ...existing, isDuplicate: true, hasQueuedWork: false };
      // Another event of the same follower or bucket raced us to create a row: run again.
      if (attempt >= transactionAttempts) throw error;
    }
  }
}

async function storeEvent(account: { id: string; timezone: string }, event: NormalizedEvent, raw: string | null): Promise<IngestResult> {
  return getDb().$transaction(async (tx) => {
    const follower = await tx.follower.findUnique({ where: { accountId_openid: { accountId: account.id, openid: event.openid } } });
    // Unfollows carry no scene: they count against the scene that began the follow period they end.
    const scene = event.type === "unsubscribe" ? (follower?.isFollowing ? follower.currentScene : "") : event.scene;
    const channel = scene
      ? await tx.channel.findUnique({ where: { accountId_scene: { accountId: account.id, scene } }, select: { id: true, welcomeMessage: true, autoTagName: true } })
      : null;
    const created = await tx.event.create({
      data: {
        accountId: account.id,
        openid: event.openid,
        type: event.type,
        name: event.name,
        scene,
        channelId: channel?.id ?? null,
        occurredAt: event.occurredAt,
        dedupeKey: event.dedupeKey,
        raw,
      },
      select: { id: true },
    });
    await applyEventToFollower(tx, account, event, follower);
    await addToRollups(tx, { accountId: account.id, timezone: account.timezone, scene, isChannelScene: channel !== null, event });
    // Tagging calls WeChat, which may take longer than WeChat waits for our reply: it is queued
    // here, in the event's transaction, and done after the reply.
    const isTaggable = event.type === "subscribe" || event.type === "scan";
    const autoTag = isTaggable && channel?.autoTagName ? { accountId: account.id, channelId: channel.id, openid: event.openid, tagName: channel.autoTagName } : null;
    if (autoTag) await enqueueJob(tx, { kind: "auto-tag", payload: autoTag, uniqueKey: autoTagJobKey(autoTag, created.id) });
    return { isDuplicate: false, eventId: created.id, channel: channel && { id: channel.id, welcomeMessage: channel.welcomeMessage }, hasQueuedWork: autoTag !== null };
  });
}

async function findStoredEvent(accountId: string, dedupeKey: string): Promise<Omit<IngestResult, "isDuplicate" | "hasQueuedWork"> | null> {
  const stored = await getDb().event.findUnique({
    where: { accountId_dedupeKey: { accountId, dedupeKey } },
    select: { id: true, channel: { select: { id: true, welcomeMessage: true } } },
  });
  return stored ? { eventId: stored.id, channel: stored.channel } : null;
}
