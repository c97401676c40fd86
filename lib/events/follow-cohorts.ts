// Keeps the retention cohorts current in the event's transaction, on RollupDay of the scene and
// local day a follow period began: cohortFollows, and keptDayN = the cohort's periods that had not
// ended before local day + N (DESIGN.md's "still following N days later"). Retention over a range
// is then a sum of day rows, never a read of the follow periods.
import type { Transaction } from "@/lib/db/client";
import { daysBetweenInclusive, localDayOf } from "@/lib/time/zone";

export const keptDayColumns = { 1: "keptDay1", 7: "keptDay7", 30: "keptDay30" } as const;
export type RetentionDays = keyof typeof keptDayColumns;
export const retentionDays = [1, 7, 30] as const satisfies readonly RetentionDays[];

/** Whole local days from the start of a period to its end (0 = ended the day it began). */
export function keptDaysOf(startDay: string, endDay: string): number {
  return daysBetweenInclusive(startDay, endDay) - 1;
}

/** A period just began: it joins its day's cohort, kept until it ends. */
export async function addPeriodToCohort(tx: Transaction, account: { id: string; timezone: string }, period: { scene: string; startedAt: Date }): Promise<void> {
  const day = localDayOf(period.startedAt, account.timezone);
  await tx.rollupDay.upsert({
    where: { accountId_scene_day: { accountId: account.id, scene: period.scene, day } },
    create: { accountId: account.id, scene: period.scene, day, cohortFollows: 1, keptDay1: 1, keptDay7: 1, keptDay30: 1 },
    update: { cohortFollows: { increment: 1 }, keptDay1: { increment: 1 }, keptDay7: { increment: 1 }, keptDay30: { increment: 1 } },
  });
}

/** A period ended: it no longer counts as kept for the N it did not reach. */
export async function removeEndedPeriodFromKept(tx: Transaction, account: { id: string; timezone: string }, period: { scene: string; startedAt: Date; endedAt: Date }): Promise<void> {
  const day = localDayOf(period.startedAt, account.timezone);
  const keptDays = keptDaysOf(day, localDayOf(period.endedAt, account.timezone));
  const lost = retentionDays.filter((days) => keptDays < days);
  if (lost.length === 0) return;
  await tx.rollupDay.update({
    where: { accountId_scene_day: { accountId: account.id, scene: period.scene, day } },
    data: Object.fromEntries(lost.map((days) => [keptDayColumns[days], { decrement: 1 }])),
  });
}
