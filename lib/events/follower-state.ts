// How one event moves a follower's state and follow periods. A late retry (older than the last
// state change) is still counted, but does not rewind the follow state.
import type { Transaction } from "@/lib/db/client";
import type { NormalizedEvent } from "@/lib/wechat/events";
import { removeEndedPeriodFromKept } from "@/lib/events/follow-cohorts";
import { booleanParam, ConcurrentWriteError, instantParam, toDate } from "@/lib/events/ingest-sql";

/** What ingest reads of a follower before the event. */
export interface FollowerState {
  isFollowing: boolean;
  currentScene: string;
  firstFollowedAt: Date | null;
  stateChangedAt: Date;
}

type Account = { id: string; timezone: string };

export async function findFollowerState(tx: Transaction, accountId: string, openid: string): Promise<FollowerState | null> {
  const [row] = await tx.$queryRaw<{ isFollowing: boolean | number | bigint; currentScene: string; firstFollowedAt: Date | string | null; stateChangedAt: Date | string }[]>`
    SELECT "isFollowing", "currentScene", "firstFollowedAt", "stateChangedAt" FROM "Follower" WHERE "accountId" = ${accountId} AND "openid" = ${openid}`;
  if (!row) return null;
  return { isFollowing: Boolean(Number(row.isFollowing)), currentScene: row.currentScene, firstFollowedAt: toDate(row.firstFollowedAt), stateChangedAt: toDate(row.stateChangedAt)! };
}

/** Applies the event; true when it began a follow period. */
export async function applyEventToFollower(tx: Transaction, account: Account, event: NormalizedEvent, follower: FollowerState | null): Promise<{ startedFollowPeriod: boolean }> {
  const accountId = account.id;
  const at = event.occurredAt;
  const key = { accountId_openid: { accountId, openid: event.openid } };
  if (event.type === "subscribe") {
    if (!follower) {
      await createFollower(tx, accountId, event.openid, { isFollowing: true, scene: event.scene, followedAt: at, unfollowedAt: null, stateChangedAt: at });
    } else if (at >= follower.stateChangedAt) {
      await tx.follower.update({ where: key, data: { isFollowing: true, currentScene: event.scene, followedAt: at, firstFollowedAt: follower.firstFollowedAt ?? at, stateChangedAt: at } });
      if (follower.isFollowing) await closeOpenPeriods(tx, account, event.openid, at);
    } else {
      return { startedFollowPeriod: false };
    }
    await tx.$executeRaw`INSERT INTO "FollowPeriod" ("accountId", "openid", "scene", "startedAt") VALUES (${accountId}, ${event.openid}, ${event.scene}, ${instantParam(at)})`;
    return { startedFollowPeriod: true };
  }
  if (event.type === "unsubscribe") {
    if (!follower) {
      await createFollower(tx, accountId, event.openid, { isFollowing: false, scene: "", followedAt: null, unfollowedAt: at, stateChangedAt: at });
    } else if (at >= follower.stateChangedAt) {
      await tx.follower.update({ where: key, data: { isFollowing: false, unfollowedAt: at, stateChangedAt: at } });
      await closeOpenPeriods(tx, account, event.openid, at);
    }
  } else if (event.type === "scan") {
    // A SCAN comes only from a follower. One we have never seen followed before Qudao was connected.
    if (!follower) {
      await createFollower(tx, accountId, event.openid, { isFollowing: true, scene: "", followedAt: null, unfollowedAt: null, stateChangedAt: at });
    } else if (!follower.isFollowing && at >= follower.stateChangedAt) {
      await tx.follower.update({ where: key, data: { isFollowing: true, stateChangedAt: at } });
    }
  }
  return { startedFollowPeriod: false };
}

async function createFollower(
  tx: Transaction,
  accountId: string,
  openid: string,
  state: { isFollowing: boolean; scene: string; followedAt: Date | null; unfollowedAt: Date | null; stateChangedAt: Date },
): Promise<void> {
  const orNull = (instant: Date | null) => (instant ? instantParam(instant) : null);
  // A subscribe's scene is the follower's first and current one; firstFollowedAt is its time.
  const created = await tx.$executeRaw`
    INSERT INTO "Follower" ("accountId", "openid", "isFollowing", "currentScene", "firstScene", "followedAt", "firstFollowedAt", "unfollowedAt", "stateChangedAt", "createdAt")
    VALUES (${accountId}, ${openid}, ${booleanParam(state.isFollowing)}, ${state.scene}, ${state.scene}, ${orNull(state.followedAt)}, ${orNull(state.followedAt)}, ${orNull(state.unfollowedAt)}, ${instantParam(state.stateChangedAt)}, ${instantParam(new Date())})
    ON CONFLICT DO NOTHING`;
  if (created === 0) throw new ConcurrentWriteError("follower");
}

/** A follow period ends at the unsubscribe, or at a new subscribe when we missed the unsubscribe. */
async function closeOpenPeriods(tx: Transaction, account: Account, openid: string, at: Date): Promise<void> {
  const open = await tx.followPeriod.findMany({ where: { accountId: account.id, openid, endedAt: null, startedAt: { lte: at } }, select: { id: true, scene: true, startedAt: true } });
  if (open.length === 0) return;
  await tx.followPeriod.updateMany({ where: { id: { in: open.map((period) => period.id) } }, data: { endedAt: at } });
  for (const period of open) await removeEndedPeriodFromKept(tx, account, { ...period, endedAt: at });
}
