// Stores one normalised push exactly once: the event, the follower's state, the rollups and
// the work to do after the reply (auto-tagging) in one transaction. A retry of the same push
// hits the (account, dedupeKey) unique key and changes nothing.
import { getDb, Prisma } from "@/lib/db/client";
import type { NormalizedEvent } from "@/lib/wechat/events";
import { applyEventToFollower, findFollowerState, toFollowerState, type FollowerRow, type FollowerState } from "@/lib/events/follower-state";
import { addToRollups } from "@/lib/events/rollups";
import { scannerLockSql } from "@/lib/events/scanner-tallies";
import { ConcurrentWriteError, instantParam } from "@/lib/events/ingest-sql";
import { inIngestTransaction, type SqlRunner } from "@/lib/events/ingest-connection";
import { enqueueJobSql } from "@/lib/jobs/enqueue-job";
import { autoTagJobKey } from "@/lib/jobs/auto-tag";

export interface IngestResult {
  isDuplicate: boolean;
  eventId: number;
  channel: { id: string; welcomeMessage: string | null } | null;
  /** Work was queued for after the reply: kick the job worker. */
  hasQueuedWork: boolean;
}

type Account = { id: string; timezone: string };
type ChannelOfScene = { id: string; welcomeMessage: string | null; autoTagName: string | null };

const transactionAttempts = 4;

export async function ingestEvent(account: Account, event: NormalizedEvent, raw: string | null): Promise<IngestResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      const stored = await storeEvent(account, event, raw);
      if (stored) return stored;
      const existing = await findStoredEvent(account.id, event.dedupeKey);
      if (existing) return { ...existing, isDuplicate: true, hasQueuedWork: false };
      throw new Error("A push was refused as a duplicate but no stored event has its key");
    } catch (error) {
      // Another event of the same follower raced us to create its row: run again.
      if (!(error instanceof ConcurrentWriteError)) throw error;
      if (attempt >= transactionAttempts) throw error;
    }
  }
}

/** The stored event, or null when the push is a retry of one already stored. */
async function storeEvent(account: Account, event: NormalizedEvent, raw: string | null): Promise<IngestResult | null> {
  return inIngestTransaction(async (sql) => {
    const { follower, channel, isScannerLocked } = await findFollowerAndChannel(sql, account.id, event);
    // Unfollows carry no scene: they count against the scene that began the follow period they end.
    const scene = event.type === "unsubscribe" ? (follower?.isFollowing ? follower.currentScene : "") : event.scene;
    const [created] = await sql.query<{ id: number | bigint }>(Prisma.sql`
      INSERT INTO "Event" ("accountId", "openid", "type", "name", "scene", "channelId", "occurredAt", "receivedAt", "dedupeKey", "raw")
      VALUES (${account.id}, ${event.openid}, ${event.type}, ${event.name}, ${scene}, ${channel?.id ?? null}, ${instantParam(event.occurredAt)}, ${instantParam(new Date())}, ${event.dedupeKey}, ${raw})
      ON CONFLICT ("accountId", "dedupeKey") DO NOTHING
      RETURNING "id"`);
    // A retry: nothing written yet, nothing to undo.
    if (!created) return null;
    const { startedFollowPeriod } = await applyEventToFollower(sql, account, event, follower);
    await addToRollups(sql, { accountId: account.id, timezone: account.timezone, scene, isChannelScene: channel !== null, isScannerLocked, startsFollowPeriod: startedFollowPeriod, event });
    // Tagging calls WeChat, which may take longer than WeChat waits for our reply: it is queued
    // here, in the event's transaction, and done after the reply.
    const eventId = Number(created.id);
    const isTaggable = event.type === "subscribe" || event.type === "scan";
    const autoTag = isTaggable && channel?.autoTagName ? { accountId: account.id, channelId: channel.id, openid: event.openid, tagName: channel.autoTagName } : null;
    if (autoTag) await enqueueJobSql(sql, { kind: "auto-tag", payload: autoTag, uniqueKey: autoTagJobKey(autoTag, eventId) });
    return { isDuplicate: false, eventId, channel: channel && { id: channel.id, welcomeMessage: channel.welcomeMessage }, hasQueuedWork: autoTag !== null };
  });
}

/**
 * The follower before the event, and the channel of its scene: one query when the push names the
 * scene, which also takes the scanner's lock the tallies need (on PostgreSQL), saving a round trip.
 */
async function findFollowerAndChannel(sql: SqlRunner, accountId: string, event: NormalizedEvent): Promise<{ follower: FollowerState | null; channel: ChannelOfScene | null; isScannerLocked: boolean }> {
  if (event.type === "unsubscribe") {
    const follower = await findFollowerState(sql, accountId, event.openid);
    const scene = follower?.isFollowing ? follower.currentScene : "";
    return { follower, channel: scene ? await findChannelOfScene(sql, accountId, scene) : null, isScannerLocked: false };
  }
  if (!event.scene) return { follower: await findFollowerState(sql, accountId, event.openid), channel: null, isScannerLocked: false };
  const lock = scannerLockSql(accountId, event.openid);
  const [row] = await sql.query<FollowerRow & { channelId: string | null; welcomeMessage: string | null; autoTagName: string | null }>(Prisma.sql`
    SELECT f."isFollowing", f."currentScene", f."firstFollowedAt", f."stateChangedAt", c."id" AS "channelId", c."welcomeMessage", c."autoTagName"
    FROM (SELECT ${lock ?? Prisma.sql`1`} AS "lock") x
    LEFT JOIN "Follower" f ON f."accountId" = ${accountId} AND f."openid" = ${event.openid}
    LEFT JOIN "Channel" c ON c."accountId" = ${accountId} AND c."scene" = ${event.scene}`);
  return {
    follower: row && row.stateChangedAt !== null ? toFollowerState(row) : null,
    channel: row?.channelId ? { id: row.channelId, welcomeMessage: row.welcomeMessage, autoTagName: row.autoTagName } : null,
    isScannerLocked: lock !== null,
  };
}

async function findChannelOfScene(sql: SqlRunner, accountId: string, scene: string): Promise<ChannelOfScene | null> {
  const [channel] = await sql.query<ChannelOfScene>(Prisma.sql`
    SELECT "id", "welcomeMessage", "autoTagName" FROM "Channel" WHERE "accountId" = ${accountId} AND "scene" = ${scene}`);
  return channel ?? null;
}

async function findStoredEvent(accountId: string, dedupeKey: string): Promise<Omit<IngestResult, "isDuplicate" | "hasQueuedWork"> | null> {
  const stored = await getDb().event.findUnique({
    where: { accountId_dedupeKey: { accountId, dedupeKey } },
    select: { id: true, channel: { select: { id: true, welcomeMessage: true } } },
  });
  return stored ? { eventId: stored.id, channel: stored.channel } : null;
}
