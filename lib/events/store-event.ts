// The push's transaction, read → rules → write: what the push depends on is read in one statement
// (readBeforeEvent), the rules say what it changes (rules/effects-of.ts) and write-effects.ts
// writes that: the event, the follower's state, the rollups and the work to do after the reply
// (auto-tagging), together or not at all. A retry of the same push is found by its (account,
// occurredAt, dedupeKey) key before anything is written and changes nothing. Pushes of one
// follower run one at a time (SQLite has one writer; on PostgreSQL the transaction holds the
// scanner's lock from BEGIN), so what the transaction reads of the follower stays true until it
// commits. It runs on the ingest thread (ingest-thread.ts), which holds the database connection
// the webhook writes through.
import { getDialect, Prisma } from "@/lib/db/client";
import type { NormalizedEvent } from "@/lib/wechat/events";
import { toFollowerState, type FollowerRow } from "@/lib/events/follower-row";
import { knownScannerDaysSql, scannerLockKey } from "@/lib/events/scanner-tallies";
import { isRetryableConflict, isUniqueKeyConflict } from "@/lib/db/ingest/driver-values";
import { localDayOf } from "@/lib/time/zone";
import { log } from "@/lib/log";
import { inIngestTransaction, type SqlRunner } from "@/lib/db/ingest/connection";
import { effectsOf, type BeforeEvent, type IngestAccount } from "@/lib/events/rules/effects-of";
import { rollupDeltaOf } from "@/lib/events/rules/rollup-rules";
import { allChannelsScope, type KnownScannerDays } from "@/lib/events/rules/scanner-day-rules";
import { writeEffects } from "@/lib/events/write-effects";

export type { IngestAccount };

export interface StoredEvent {
  /** The push is a retry of one stored before: eventId is that one's, and nothing was written. */
  isDuplicate: boolean;
  eventId: number;
  /** The channel the push counts for (for a retry: the one its scene names now). */
  channel: { id: string; welcomeMessage: string | null } | null;
  /** Work was queued for after the reply: kick the job worker. */
  hasQueuedWork: boolean;
}

const transactionAttempts = 4;

/**
 * Stores the push, unless it is a retry of one already stored. A transaction that
 * met another's (PostgreSQL's deadlock or serialization failure, or a row another transaction
 * inserted first) was rolled back whole and runs again.
 */
export async function storeEvent(
  account: IngestAccount,
  event: NormalizedEvent,
  raw: string | null,
): Promise<StoredEvent> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeEventOnce(account, event, raw);
    } catch (error) {
      if (!(isRetryableConflict(error) || isUniqueKeyConflict(error)) || attempt >= transactionAttempts) throw error;
      log.warn(
        { accountId: account.id, attempt, code: (error as { code: string }).code },
        "a push's transaction met another's; running it again",
      );
    }
  }
}

async function storeEventOnce(
  account: IngestAccount,
  event: NormalizedEvent,
  raw: string | null,
): Promise<StoredEvent> {
  return inIngestTransaction(
    async (sql) => {
      const { before, storedEventId } = await readBeforeEvent(sql, account, event);
      const effects = effectsOf(account, before, event);
      const { channel } = before;
      const storedChannel = channel && { id: channel.id, welcomeMessage: channel.welcomeMessage };

      // A retry: nothing to write, and the stored event's id is known from the read. The key of an
      // event push holds its openid, so under the follower's lock no other transaction stores it
      // meanwhile; one that did anyway makes the event's insert fail on the unique key, and the
      // push runs again and finds it stored.
      if (!effects) {
        if (storedEventId === null) throw new Error("A push was taken for a retry but no stored event has its key");
        return { isDuplicate: true, eventId: storedEventId, channel: storedChannel, hasQueuedWork: false };
      }

      const eventId = await writeEffects(sql, account, event, effects, raw);
      return { isDuplicate: false, eventId, channel: storedChannel, hasQueuedWork: effects.jobs.length > 0 };
    },
    { lockKey: scannerLockKey(account.id, event.openid) },
  );
}

type BeforeEventRow = FollowerRow & {
  storedEventId: number | bigint | null;
  channelId: string | null;
  welcomeMessage: string | null;
  autoTagName: string | null;
} & Partial<KnownScannerDays>;

/**
 * Everything the push's writes depend on, in one statement: whether it is stored already, the
 * follower before it, the channel it counts for and, for a scan, the scanner's days the tallies
 * need (rules/scanner-day-rules.ts). One row per scope read, or one row.
 */
async function readBeforeEvent(
  sql: SqlRunner,
  account: IngestAccount,
  event: NormalizedEvent,
): Promise<{ before: BeforeEvent; storedEventId: number | null }> {
  const accountId = account.id;
  const channelScene =
    event.type === "unsubscribe"
      ? Prisma.sql`CASE WHEN f."isFollowing" THEN f."currentScene" END`
      : Prisma.sql`${event.scene}`;
  // Both scopes are read: whether the scene's channel exists is learnt in the same statement.
  const isScan = (rollupDeltaOf(event)?.scans ?? 0) > 0;
  const scannerDays = isScan
    ? knownScannerDaysSql({
        accountId,
        scopes: [event.scene, allChannelsScope],
        openid: event.openid,
        day: localDayOf(event.occurredAt, account.timezone),
      })
    : Prisma.sql`SELECT NULL AS "scene", 0 AS "seen", NULL AS "previous", NULL AS "next" WHERE 1 = 0`;
  const rows = await sql.query<BeforeEventRow>(Prisma.sql`
    SELECT e."id" AS "storedEventId", f."isFollowing", f."currentScene", f."firstFollowedAt", f."stateChangedAt",
      c."id" AS "channelId", c."welcomeMessage", c."autoTagName", s."scene" AS "scene", s."seen" AS "seen", s."previous" AS "previous", s."next" AS "next"
    FROM (SELECT 1 AS "one") x
    LEFT JOIN "Event" e ON e."accountId" = ${accountId} AND e."occurredAt" = ${getDialect().instant(event.occurredAt)} AND e."dedupeKey" = ${event.dedupeKey}
    LEFT JOIN "Follower" f ON f."accountId" = ${accountId} AND f."openid" = ${event.openid}
    LEFT JOIN "Channel" c ON c."accountId" = ${accountId} AND c."scene" = ${channelScene} AND c."scene" <> ''
    LEFT JOIN (${scannerDays}) s ON 1 = 1`);
  const [row] = rows;
  const storedEventId =
    row?.storedEventId === null || row?.storedEventId === undefined ? null : Number(row.storedEventId);
  const before: BeforeEvent = {
    isStored: storedEventId !== null,
    follower: row && row.stateChangedAt !== null ? toFollowerState(row) : null,
    channel: row?.channelId
      ? { id: row.channelId, welcomeMessage: row.welcomeMessage, autoTagName: row.autoTagName }
      : null,
    knownScannerDays: rows.flatMap((scope) =>
      scope.scene === null || scope.scene === undefined
        ? []
        : [{ scene: scope.scene, seen: scope.seen ?? 0, previous: scope.previous ?? null, next: scope.next ?? null }],
    ),
  };
  return { before, storedEventId };
}
