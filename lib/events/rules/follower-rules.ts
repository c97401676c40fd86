// How one event moves a follower's state and follow periods. A late retry (older than the last
// state change) is still counted, but does not rewind the follow state.
import type { NormalizedEvent } from "@/lib/wechat/events";

/** What ingest reads of a follower before the event. */
export interface FollowerState {
  isFollowing: boolean;
  currentScene: string;
  firstFollowedAt: Date | null;
  stateChangedAt: Date;
}

/**
 * The follower's row after the event: a new row, or the columns of the existing row that change
 * (those left out keep their value).
 */
export type FollowerWrite =
  | {
      kind: "create";
      isFollowing: boolean;
      /** The first and current scene. */
      scene: string;
      /** Also the first follow. */
      followedAt: Date | null;
      unfollowedAt: Date | null;
      stateChangedAt: Date;
    }
  | {
      kind: "update";
      isFollowing: boolean;
      currentScene?: string;
      followedAt?: Date;
      firstFollowedAt?: Date;
      unfollowedAt?: Date;
      stateChangedAt: Date;
    };

/** What the event does to the follower's follow periods: closing comes before opening. */
export interface PeriodChanges {
  /** Ends the follower's open periods (those begun by then) at this instant. */
  closeOpenAt: Date | null;
  /** Begins a follow period. */
  open: { scene: string; startedAt: Date } | null;
}

export interface FollowerEffects {
  followerWrite: FollowerWrite | null;
  periodChanges: PeriodChanges;
}

const noPeriodChanges: PeriodChanges = { closeOpenAt: null, open: null };

export function followerEffectsOf(follower: FollowerState | null, event: NormalizedEvent): FollowerEffects {
  const at = event.occurredAt;
  const isInOrder = follower !== null && at >= follower.stateChangedAt;

  if (event.type === "subscribe") {
    const open = { scene: event.scene, startedAt: at };
    if (!follower) {
      return {
        followerWrite: {
          kind: "create",
          isFollowing: true,
          scene: event.scene,
          followedAt: at,
          unfollowedAt: null,
          stateChangedAt: at,
        },
        periodChanges: { closeOpenAt: null, open },
      };
    }
    if (!isInOrder) return { followerWrite: null, periodChanges: noPeriodChanges };
    // A subscribe while following: we missed the unsubscribe, the period before ends here.
    return {
      followerWrite: {
        kind: "update",
        isFollowing: true,
        currentScene: event.scene,
        followedAt: at,
        firstFollowedAt: follower.firstFollowedAt ?? at,
        stateChangedAt: at,
      },
      periodChanges: { closeOpenAt: follower.isFollowing ? at : null, open },
    };
  }

  if (event.type === "unsubscribe") {
    if (!follower) {
      return {
        followerWrite: {
          kind: "create",
          isFollowing: false,
          scene: "",
          followedAt: null,
          unfollowedAt: at,
          stateChangedAt: at,
        },
        periodChanges: noPeriodChanges,
      };
    }
    if (!isInOrder) return { followerWrite: null, periodChanges: noPeriodChanges };
    return {
      followerWrite: { kind: "update", isFollowing: false, unfollowedAt: at, stateChangedAt: at },
      periodChanges: { closeOpenAt: at, open: null },
    };
  }

  if (event.type === "scan") {
    // A SCAN comes only from a follower. One we have never seen followed before Qudao was connected.
    if (!follower) {
      return {
        followerWrite: {
          kind: "create",
          isFollowing: true,
          scene: "",
          followedAt: null,
          unfollowedAt: null,
          stateChangedAt: at,
        },
        periodChanges: noPeriodChanges,
      };
    }
    if (!follower.isFollowing && isInOrder)
      return {
        followerWrite: { kind: "update", isFollowing: true, stateChangedAt: at },
        periodChanges: noPeriodChanges,
      };
  }

  return { followerWrite: null, periodChanges: noPeriodChanges };
}
