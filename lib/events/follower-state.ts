// How one event moves a follower's state and follow periods. A late retry (older than the last
// state change) is still counted, but does not rewind the follow state.
import { Prisma } from "@/lib/db/client";
import type { NormalizedEvent } from "@/lib/wechat/events";
import type { SqlRunner } from "@/lib/events/ingest-connection";
import { removeEndedPeriodFromKept } from "@/lib/events/follow-cohorts";
import { booleanParam, instantParam, toDate } from "@/lib/events/ingest-sql";

/** What ingest reads of a follower before the event. */
export interface FollowerState {
  isFollowing: boolean;
  currentScene: string;
  firstFollowedAt: Date | null;
  stateChangedAt: Date;
}

type Account = { id: string; timezone: string };

/** The follower's columns as a raw query returns them. */
export type FollowerRow = {
  isFollowing: boolean | number | bigint;
  currentScene: string;
  firstFollowedAt: Date | string | null;
  stateChangedAt: Date | string;
};

export function toFollowerState(row: FollowerRow): FollowerState {
  return {
    isFollowing: Boolean(Number(row.isFollowing)),
    currentScene: row.currentScene,
    firstFollowedAt: toDate(row.firstFollowedAt),
    stateChangedAt: toDate(row.stateChangedAt)!,
  };
}

/** Applies the event; true when it began a follow period. */
export async function applyEventToFollower(
  sql: SqlRunner,
  account: Account,
  event: NormalizedEvent,
  follower: FollowerState | null,
): Promise<{ startedFollowPeriod: boolean }> {
  const at = event.occurredAt;
  const { openid } = event;
  // Written later: nothing in the push reads the follower again.
  const update = (assignments: Prisma.Sql[]) =>
    sql.writeLater(
      Prisma.sql`UPDATE "Follower" SET ${Prisma.join(assignments)} WHERE "accountId" = ${account.id} AND "openid" = ${openid}`,
    );
  if (event.type === "subscribe") {
    if (!follower) {
      await createFollower(sql, account.id, openid, {
        isFollowing: true,
        scene: event.scene,
        followedAt: at,
        unfollowedAt: null,
        stateChangedAt: at,
      });
    } else if (at >= follower.stateChangedAt) {
      await update([
        Prisma.sql`"isFollowing" = ${booleanParam(true)}`,
        Prisma.sql`"currentScene" = ${event.scene}`,
        Prisma.sql`"followedAt" = ${instantParam(at)}`,
        Prisma.sql`"firstFollowedAt" = ${instantParam(follower.firstFollowedAt ?? at)}`,
        Prisma.sql`"stateChangedAt" = ${instantParam(at)}`,
      ]);
      if (follower.isFollowing) await closeOpenPeriods(sql, account, openid, at);
    } else {
      return { startedFollowPeriod: false };
    }
    await sql.writeLater(
      Prisma.sql`INSERT INTO "FollowPeriod" ("accountId", "openid", "scene", "startedAt") VALUES (${account.id}, ${openid}, ${event.scene}, ${instantParam(at)})`,
    );
    return { startedFollowPeriod: true };
  }
  if (event.type === "unsubscribe") {
    if (!follower) {
      await createFollower(sql, account.id, openid, {
        isFollowing: false,
        scene: "",
        followedAt: null,
        unfollowedAt: at,
        stateChangedAt: at,
      });
    } else if (at >= follower.stateChangedAt) {
      await update([
        Prisma.sql`"isFollowing" = ${booleanParam(false)}`,
        Prisma.sql`"unfollowedAt" = ${instantParam(at)}`,
        Prisma.sql`"stateChangedAt" = ${instantParam(at)}`,
      ]);
      await closeOpenPeriods(sql, account, openid, at);
    }
  } else if (event.type === "scan") {
    // A SCAN comes only from a follower. One we have never seen followed before Qudao was connected.
    if (!follower) {
      await createFollower(sql, account.id, openid, {
        isFollowing: true,
        scene: "",
        followedAt: null,
        unfollowedAt: null,
        stateChangedAt: at,
      });
    } else if (!follower.isFollowing && at >= follower.stateChangedAt) {
      await update([
        Prisma.sql`"isFollowing" = ${booleanParam(true)}`,
        Prisma.sql`"stateChangedAt" = ${instantParam(at)}`,
      ]);
    }
  }
  return { startedFollowPeriod: false };
}

async function createFollower(
  sql: SqlRunner,
  accountId: string,
  openid: string,
  state: {
    isFollowing: boolean;
    scene: string;
    followedAt: Date | null;
    unfollowedAt: Date | null;
    stateChangedAt: Date;
  },
): Promise<void> {
  const orNull = (instant: Date | null) => (instant ? instantParam(instant) : null);
  // A subscribe's scene is the follower's first and current one; firstFollowedAt is its time. No
  // other push of this follower runs meanwhile (ingest-event.ts), so the row cannot exist yet.
  await sql.writeLater(Prisma.sql`
    INSERT INTO "Follower" ("accountId", "openid", "isFollowing", "currentScene", "firstScene", "followedAt", "firstFollowedAt", "unfollowedAt", "stateChangedAt", "createdAt")
    VALUES (${accountId}, ${openid}, ${booleanParam(state.isFollowing)}, ${state.scene}, ${state.scene}, ${orNull(state.followedAt)}, ${orNull(state.followedAt)}, ${orNull(state.unfollowedAt)}, ${instantParam(state.stateChangedAt)}, ${instantParam(new Date())})`);
}

/** A follow period ends at the unsubscribe, or at a new subscribe when we missed the unsubscribe. */
async function closeOpenPeriods(sql: SqlRunner, account: Account, openid: string, at: Date): Promise<void> {
  const ended = await sql.query<{ scene: string; startedAt: Date | string }>(Prisma.sql`
    UPDATE "FollowPeriod" SET "endedAt" = ${instantParam(at)}
    WHERE "accountId" = ${account.id} AND "openid" = ${openid} AND "endedAt" IS NULL AND "startedAt" <= ${instantParam(at)}
    RETURNING "scene", "startedAt"`);
  for (const period of ended)
    await removeEndedPeriodFromKept(sql, account, {
      scene: period.scene,
      startedAt: toDate(period.startedAt)!,
      endedAt: at,
    });
}
