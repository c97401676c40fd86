// How one event moves a follower's state and follow periods. A late retry (older than the last
// state change) is still counted, but does not rewind the follow state.
import type { Transaction } from "@/lib/db/client";
import type { Follower } from "@/lib/db/generated/sqlite/client";
import type { NormalizedEvent } from "@/lib/wechat/events";
import { addPeriodToCohort, removeEndedPeriodFromKept } from "@/lib/events/follow-cohorts";

export async function applyEventToFollower(tx: Transaction, account: { id: string; timezone: string }, event: NormalizedEvent, follower: Follower | null): Promise<void> {
  const accountId = account.id;
  const at = event.occurredAt;
  const key = { accountId_openid: { accountId, openid: event.openid } };
  if (event.type === "subscribe") {
    if (!follower) {
      await tx.follower.create({
        data: { accountId, openid: event.openid, isFollowing: true, currentScene: event.scene, firstScene: event.scene, followedAt: at, firstFollowedAt: at, stateChangedAt: at },
      });
    } else if (at >= follower.stateChangedAt) {
      await tx.follower.update({ where: key, data: { isFollowing: true, currentScene: event.scene, followedAt: at, firstFollowedAt: follower.firstFollowedAt ?? at, stateChangedAt: at } });
      if (follower.isFollowing) await closeOpenPeriods(tx, account, event.openid, at);
    } else {
      return;
    }
    await tx.followPeriod.create({ data: { accountId, openid: event.openid, scene: event.scene, startedAt: at } });
    await addPeriodToCohort(tx, account, { scene: event.scene, startedAt: at });
  } else if (event.type === "unsubscribe") {
    if (!follower) {
      await tx.follower.create({ data: { accountId, openid: event.openid, isFollowing: false, unfollowedAt: at, stateChangedAt: at } });
    } else if (at >= follower.stateChangedAt) {
      await tx.follower.update({ where: key, data: { isFollowing: false, unfollowedAt: at, stateChangedAt: at } });
      await closeOpenPeriods(tx, account, event.openid, at);
    }
  } else if (event.type === "scan") {
    // A SCAN comes only from a follower. One we have never seen followed before Qudao was connected.
    if (!follower) {
      await tx.follower.create({ data: { accountId, openid: event.openid, isFollowing: true, stateChangedAt: at } });
    } else if (!follower.isFollowing && at >= follower.stateChangedAt) {
      await tx.follower.update({ where: key, data: { isFollowing: true, stateChangedAt: at } });
    }
  }
}

/** A follow period ends at the unsubscribe, or at a new subscribe when we missed the unsubscribe. */
async function closeOpenPeriods(tx: Transaction, account: { id: string; timezone: string }, openid: string, at: Date): Promise<void> {
  const open = await tx.followPeriod.findMany({ where: { accountId: account.id, openid, endedAt: null, startedAt: { lte: at } }, select: { id: true, scene: true, startedAt: true } });
  if (open.length === 0) return;
  await tx.followPeriod.updateMany({ where: { id: { in: open.map((period) => period.id) } }, data: { endedAt: at } });
  for (const period of open) await removeEndedPeriodFromKept(tx, account, { ...period, endedAt: at });
}
