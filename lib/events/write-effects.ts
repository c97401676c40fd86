// Writes what effectsOf answered (rules/effects-of.ts) in the push's transaction. The order of the
// statements matters, as writeLater's writes travel with the next statement, which does not see
// them (lib/db/ingest/sql-runner.ts): the follower's row and the new rows go in writeLater, the
// open periods are closed before a new one opens, and the event's INSERT comes last so that it
// carries what is still waiting.
import { getDialect, Prisma } from "@/lib/db/client";
import type { NormalizedEvent } from "@/lib/wechat/events";
import type { SqlRunner } from "@/lib/db/ingest/connection";
import { toDate } from "@/lib/db/ingest/driver-values";
import { endedPeriodEffectsOf, type EventEffects, type IngestAccount } from "@/lib/events/rules/effects-of";
import type { FollowerWrite } from "@/lib/events/rules/follower-rules";
import type { CounterAddition } from "@/lib/events/rules/counter-additions";
import type { ScannerDayRow } from "@/lib/events/rules/scanner-day-rules";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { autoTagJobKey } from "@/lib/jobs/auto-tag";

/** Writes the effects; returns the stored event's id. */
export async function writeEffects(
  sql: SqlRunner,
  account: IngestAccount,
  event: NormalizedEvent,
  effects: EventEffects,
  raw: string | null,
): Promise<number> {
  const { followerWrite, periodChanges } = effects;
  if (followerWrite) await writeFollower(sql, account.id, event.openid, followerWrite);

  if (periodChanges.closeOpenAt) {
    const at = periodChanges.closeOpenAt;
    const ended = await sql.query<{ scene: string; startedAt: Date | string }>(Prisma.sql`
      UPDATE "FollowPeriod" SET "endedAt" = ${getDialect().instant(at)}
      WHERE "accountId" = ${account.id} AND "openid" = ${event.openid} AND "endedAt" IS NULL AND "startedAt" <= ${getDialect().instant(at)}
      RETURNING "scene", "startedAt"`);
    const periods = ended.map((period) => ({ scene: period.scene, startedAt: toDate(period.startedAt)! }));
    await addToCounters(sql, endedPeriodEffectsOf(account, periods, at));
  }
  if (periodChanges.open) {
    const { scene, startedAt } = periodChanges.open;
    await sql.writeLater(
      Prisma.sql`INSERT INTO "FollowPeriod" ("accountId", "openid", "scene", "startedAt") VALUES (${account.id}, ${event.openid}, ${scene}, ${getDialect().instant(startedAt)})`,
    );
  }

  await addToCounters(sql, effects.counterAdditions);
  await insertScannerDays(sql, effects.scannerDays);

  const { scene, channelId } = effects.eventRow;
  const [created] = await sql.query<{ id: number | bigint }>(Prisma.sql`
    INSERT INTO "Event" ("accountId", "openid", "type", "name", "scene", "channelId", "occurredAt", "receivedAt", "dedupeKey", "raw")
    VALUES (${account.id}, ${event.openid}, ${event.type}, ${event.name}, ${scene}, ${channelId}, ${getDialect().instant(event.occurredAt)}, ${getDialect().instant(new Date())}, ${event.dedupeKey}, ${raw})
    RETURNING "id"`);
  const eventId = Number(created!.id);

  // In the event's transaction: the work is recorded with the event that asks for it, or not at all.
  for (const job of effects.jobs)
    await enqueueJob(sql, { kind: job.kind, payload: job.payload, uniqueKey: autoTagJobKey(job.payload, eventId) });
  return eventId;
}

/** Counter rows are summed per group and written at its end (lib/db/ingest/counter-sums.ts). */
export async function addToCounters(sql: SqlRunner, additions: CounterAddition[]): Promise<void> {
  for (const addition of additions) await sql.addToCounters(addition.table, [addition]);
}

/** New rows: nothing in the push reads them again (the scanner is locked). */
async function insertScannerDays(sql: SqlRunner, rows: ScannerDayRow[]): Promise<void> {
  if (rows.length > 0) await sql.writeLater(insertScannerDaysSql(rows));
}

export function insertScannerDaysSql(rows: ScannerDayRow[]): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "ScannerDay" ("accountId", "scene", "day", "openid") VALUES ${Prisma.join(rows.map((row) => Prisma.sql`(${row.accountId}, ${row.scene}, ${row.day}, ${row.openid})`))}`;
}

/** Written later: nothing in the push reads the follower again. */
async function writeFollower(sql: SqlRunner, accountId: string, openid: string, write: FollowerWrite): Promise<void> {
  const orNull = (instant: Date | null) => (instant ? getDialect().instant(instant) : null);
  if (write.kind === "create") {
    // A subscribe's scene is the follower's first and current one; firstFollowedAt is its time. No
    // other push of this follower runs meanwhile (its lock), so the row cannot exist yet.
    await sql.writeLater(Prisma.sql`
      INSERT INTO "Follower" ("accountId", "openid", "isFollowing", "currentScene", "firstScene", "followedAt", "firstFollowedAt", "unfollowedAt", "stateChangedAt", "createdAt")
      VALUES (${accountId}, ${openid}, ${getDialect().boolean(write.isFollowing)}, ${write.scene}, ${write.scene}, ${orNull(write.followedAt)}, ${orNull(write.followedAt)}, ${orNull(write.unfollowedAt)}, ${getDialect().instant(write.stateChangedAt)}, ${getDialect().instant(new Date())})`);
    return;
  }
  const assignments = [Prisma.sql`"isFollowing" = ${getDialect().boolean(write.isFollowing)}`];
  if (write.currentScene !== undefined) assignments.push(Prisma.sql`"currentScene" = ${write.currentScene}`);
  if (write.followedAt) assignments.push(Prisma.sql`"followedAt" = ${getDialect().instant(write.followedAt)}`);
  if (write.firstFollowedAt)
    assignments.push(Prisma.sql`"firstFollowedAt" = ${getDialect().instant(write.firstFollowedAt)}`);
  if (write.unfollowedAt) assignments.push(Prisma.sql`"unfollowedAt" = ${getDialect().instant(write.unfollowedAt)}`);
  assignments.push(Prisma.sql`"stateChangedAt" = ${getDialect().instant(write.stateChangedAt)}`);
  await sql.writeLater(
    Prisma.sql`UPDATE "Follower" SET ${Prisma.join(assignments)} WHERE "accountId" = ${accountId} AND "openid" = ${openid}`,
  );
}
