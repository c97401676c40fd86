// How one event moves a follower's state and follow periods. A late retry (older than the last
// state change) is still counted, but does not rewind the follow state.
import type { Transaction } from "@/lib/db/client";
import type { Follower } from "@/lib/db/generated/sqlite/client";
import type { NormalizedEvent } from "@/lib/wechat/events";

export async function applyEventToFollower(tx: Transaction, accountId: string, event: NormalizedEvent, follower: Follower | null): Promise<void> {
  const at = event.occurredAt;
  const key = { accountId_openid: { accountId, openid: event.openid } };
  if (event.type === "subscribe") {
    if (!follower) {
      await tx.follower.create({
        data: { accountId, openid: event.openid, isFollowing: true, currentScene: event.scene, firstScene: event.scene, followedAt: at, firstFollowedAt: at, stateChangedAt: at },
      });
    } else if (at >= follower.stateChangedAt) {
      await tx.follower.update({ where: key, data: { isFollowing: true, currentScene: event.scene, followedAt: at, firstFollowedAt: follower.firstFollowedAt ?? at, stateChangedAt: at } });
      if (follower.isFollowing) await closeOpenPeriods(tx, accountId, event.openid, at);
    } else {
      return;
    }
    await tx.followPeriod.create({ data: { accountId, openid: event.openid, scene: event.scene, startedAt: at } });
  } else if (event.type === "unsubscribe") {
    if (!follower) {
      await tx.follower.create({ data: { accountId, openid: event.openid, isFollowing: false, unfollowedAt: at, stateChangedAt: at } });
    } else if (at >= follower.stateChangedAt) {
      await tx.follower.update({ where: key, data: { isFollowing: false, unfollowedAt: at, stateChangedAt: at } });
      await closeOpenPeriods(tx, accountId, event.openid, at);
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
async function closeOpenPeriods(tx: Transaction, accountId: string, openid: string, at: Date): Promise<void> {
  await tx.followPeriod.updateMany({ where: { accountId, openid, endedAt: null, startedAt: { lte: at } }, data: { endedAt: at } });
}
