// The follower's columns as ingest's raw read returns them (store-event.ts), into the state the
// rules take (rules/follower-rules.ts).
import type { FollowerState } from "@/lib/events/rules/follower-rules";
import { toDate } from "@/lib/db/ingest/driver-values";

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
