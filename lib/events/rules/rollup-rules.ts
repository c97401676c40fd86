// What an event adds to the per-scene hour and day counters (RollupHour, RollupDay), per the
// metric definitions in DESIGN.md, and the retention cohorts kept on RollupDay: cohortFollows of
// the scene and local day a follow period began, and keptDayN = the cohort's periods that had not
// ended before local day + N ("still following N days later"). A period joins its cohort with the
// event that began it and leaves keptDayN when it ends short of N days. Retention over a range is
// then a sum of day rows, never a read of the follow periods.
import type { NormalizedEvent } from "@/lib/wechat/events";
import { daysBetweenInclusive } from "@/lib/time/zone";

export interface RollupDelta {
  scans: number;
  follows: number;
  unfollows: number;
}

/** What an event adds, per the metric definitions in DESIGN.md. */
export function rollupDeltaOf(event: Pick<NormalizedEvent, "type" | "scene">): RollupDelta | null {
  switch (event.type) {
    case "subscribe":
      // Via a code: a scan and a new follow. Organic (no scene): a follow counted under "".
      return { scans: event.scene ? 1 : 0, follows: 1, unfollows: 0 };
    case "scan":
      return { scans: 1, follows: 0, unfollows: 0 };
    case "unsubscribe":
      return { scans: 0, follows: 0, unfollows: 1 };
    default:
      return null;
  }
}

export function emptyRollupDelta(): RollupDelta {
  return { scans: 0, follows: 0, unfollows: 0 };
}

/** Adds `delta` to `sums` (or takes it off, with sign -1): the one place the counts are summed. */
export function addRollupDelta(sums: RollupDelta, delta: RollupDelta, sign: 1 | -1 = 1): void {
  sums.scans += sign * delta.scans;
  sums.follows += sign * delta.follows;
  sums.unfollows += sign * delta.unfollows;
}

export const keptDayColumns = { 1: "keptDay1", 7: "keptDay7", 30: "keptDay30" } as const;
export type RetentionDays = keyof typeof keptDayColumns;
export const retentionDays = [1, 7, 30] as const satisfies readonly RetentionDays[];
export type KeptDayColumn = (typeof keptDayColumns)[RetentionDays];

/** Whole local days from the start of a period to its end (0 = ended the day it began). */
export function keptDaysOf(startDay: string, endDay: string): number {
  return daysBetweenInclusive(startDay, endDay) - 1;
}

/** The keptDayN columns a period that began on startDay and ended on endDay (null: open) counts in. */
export function keptColumnsOf(startDay: string, endDay: string | null): KeptDayColumn[] {
  const keptDays = endDay === null ? Infinity : keptDaysOf(startDay, endDay);
  return retentionDays.filter((days) => keptDays >= days).map((days) => keptDayColumns[days]);
}

/** The keptDayN columns an ending period leaves: those of the N it did not reach. */
export function lostKeptColumnsOf(startDay: string, endDay: string): KeptDayColumn[] {
  const keptDays = keptDaysOf(startDay, endDay);
  return retentionDays.filter((days) => keptDays < days).map((days) => keptDayColumns[days]);
}
