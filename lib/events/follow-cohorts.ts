// Retention cohorts on RollupDay of the scene and local day a follow period began: cohortFollows,
// and keptDayN = the cohort's periods that had not ended before local day + N (DESIGN.md's "still
// following N days later"). A period joins its cohort with the event that began it (rollups.ts)
// and leaves keptDayN here when it ends short of N days. Retention over a range is then a sum of
// day rows, never a read of the follow periods.
import type { SqlRunner } from "@/lib/events/ingest-connection";
import { daysBetweenInclusive, localDayOf } from "@/lib/time/zone";

export const keptDayColumns = { 1: "keptDay1", 7: "keptDay7", 30: "keptDay30" } as const;
export type RetentionDays = keyof typeof keptDayColumns;
export const retentionDays = [1, 7, 30] as const satisfies readonly RetentionDays[];

/** Whole local days from the start of a period to its end (0 = ended the day it began). */
export function keptDaysOf(startDay: string, endDay: string): number {
  return daysBetweenInclusive(startDay, endDay) - 1;
}

/** A period ended: it no longer counts as kept for the N it did not reach. */
export async function removeEndedPeriodFromKept(
  sql: SqlRunner,
  account: { id: string; timezone: string },
  period: { scene: string; startedAt: Date; endedAt: Date },
): Promise<void> {
  const day = localDayOf(period.startedAt, account.timezone);
  const keptDays = keptDaysOf(day, localDayOf(period.endedAt, account.timezone));
  const lost = retentionDays.filter((days) => keptDays < days);
  if (lost.length === 0) return;
  await sql.addToCounters("RollupDay", [
    {
      key: { accountId: account.id, scene: period.scene, day },
      counters: Object.fromEntries(lost.map((days) => [keptDayColumns[days], -1])),
    },
  ]);
}
