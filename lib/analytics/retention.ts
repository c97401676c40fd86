// Retention (N days), as the README defines it: of the follows a channel brought in the range that are at
// least N days old, the share still following N days later. Cohorts are follow periods by the local
// day they began; "N days old" means day + N has begun today, and "still following N days later"
// means the period had not ended before local day + N (an unfollow on day + N itself still counts
// as kept on day N). Both in the account's zone, so a number never changes once it is shown.
import { getDb, getDialect, Prisma } from "@/lib/db/client";
import { hasScenes, sceneInScopeSql, type StatsScope } from "@/lib/analytics/scope";
import { addDays, daysBetweenInclusive, localDayFunction, startOfLocalDay, type DayRange } from "@/lib/time/zone";
import type { RetentionCurve } from "@/lib/schemas/stats";

/** The retention curve runs from the day of the follow to this many days after. */
export const retentionCurveDays = 30;

/** A follow period of the cohort: its scene, the local day it began and how many whole local days it lasted. */
export interface CohortFollow {
  scene: string;
  day: string;
  /** Local days from the follow to the unfollow (0 = the same day); Infinity while still following. */
  keptDays: number;
}

export interface Tally {
  eligible: number;
  retained: number;
}

export function retentionRate(tally: Tally): number | null {
  return tally.eligible === 0 ? null : tally.retained / tally.eligible;
}

/** Day 0 to 30 for the channels in scope together. */
export async function getRetentionCurveForScope(
  scope: StatsScope,
  range: DayRange,
  today: string,
): Promise<RetentionCurve> {
  const tallies = Array.from({ length: retentionCurveDays + 1 }, () => ({ eligible: 0, retained: 0 }));
  for (const follow of await listCohortFollows(scope, range))
    tallies.forEach((tally, days) => addToTally(tally, follow, days, today));
  return { points: tallies.map((tally, day) => ({ day, ...tally, rate: retentionRate(tally) })) };
}

export function addToTally(tally: Tally, follow: CohortFollow, days: number, today: string): void {
  if (addDays(follow.day, days) > today) return;
  tally.eligible += 1;
  if (follow.keptDays >= days) tally.retained += 1;
}

export async function listCohortFollows(scope: StatsScope, range: DayRange): Promise<CohortFollow[]> {
  if (!hasScenes(scope)) return [];
  const startsAt = startOfLocalDay(range.from, scope.timezone);
  const endsBefore = startOfLocalDay(addDays(range.to, 1), scope.timezone);
  const rows = await getDb().$queryRaw<
    { scene: string; startedAt: Date | string; endedAt: Date | string | null }[]
  >(Prisma.sql`
    SELECT p."scene" AS "scene", p."startedAt" AS "startedAt", p."endedAt" AS "endedAt"
    FROM "FollowPeriod" p
    WHERE p."accountId" = ${scope.accountId} AND p."startedAt" >= ${getDialect().instant(startsAt)} AND p."startedAt" < ${getDialect().instant(endsBefore)}${sceneInScopeSql(scope, Prisma.sql`p."scene"`)}`);
  const localDay = localDayFunction(scope.timezone);
  return rows.map((row) => {
    const day = localDay(new Date(row.startedAt));
    const keptDays = row.endedAt === null ? Infinity : daysBetweenInclusive(day, localDay(new Date(row.endedAt))) - 1;
    return { scene: row.scene, day, keptDays };
  });
}
