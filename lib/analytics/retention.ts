// Retention (N days), per DESIGN.md: of the follows a channel brought in the range that are at
// least N days old, the share still following N days later. Cohorts are follow periods by the local
// day they began; "N days old" means day + N has begun today, and "still following N days later"
// means the period had not ended before local day + N (an unfollow on day + N itself still counts
// as kept on day N). Both in the account's zone, so a number never changes once it is shown.
import { getDb, Prisma } from "@/lib/db/client";
import { hasScenes, sceneInScopeSql, type StatsScope } from "@/lib/analytics/scope";
import { instantSql } from "@/lib/analytics/sql";
import { addDays, daysBetweenInclusive, localDayFunction, startOfLocalDay, type DayRange } from "@/lib/time/zone";
import type { Retention, RetentionCurve } from "@/lib/schemas/stats";
import { keptDayColumns, retentionDays, type RetentionDays } from "@/lib/events/follow-cohorts";

/** The retention curve runs from the day of the follow to this many days after. */
export const retentionCurveDays = 30;

/** A follow period of the cohort: its scene, the local day it began and how many whole local days it lasted. */
interface CohortFollow {
  scene: string;
  day: string;
  /** Local days from the follow to the unfollow (0 = the same day); Infinity while still following. */
  keptDays: number;
}

interface Tally {
  eligible: number;
  retained: number;
}

export function retentionRate(tally: Tally): number | null {
  return tally.eligible === 0 ? null : tally.retained / tally.eligible;
}

/**
 * d1, d7 and d30 of each scene in scope, from the cohort counts ingest keeps on RollupDay
 * (lib/events/follow-cohorts.ts): for each N, the cohort days at least N days old.
 */
export async function retentionByScene(scope: StatsScope, range: DayRange, today: string): Promise<Map<string, Retention>> {
  const result = new Map<string, Retention>();
  if (!hasScenes(scope)) return result;
  const sumsOf = (days: RetentionDays) => {
    const isOldEnough = Prisma.sql`r."day" <= ${addDays(today, -days)}`;
    const kept = Prisma.raw(`r."${keptDayColumns[days]}"`);
    return Prisma.sql`SUM(CASE WHEN ${isOldEnough} THEN r."cohortFollows" ELSE 0 END) AS "eligible${Prisma.raw(String(days))}",
      SUM(CASE WHEN ${isOldEnough} THEN ${kept} ELSE 0 END) AS "retained${Prisma.raw(String(days))}"`;
  };
  const rows = await getDb().$queryRaw<Record<string, string | bigint | number | null>[]>(Prisma.sql`
    SELECT r."scene" AS "scene", ${Prisma.join(retentionDays.map(sumsOf), ", ")}
    FROM "RollupDay" r
    WHERE r."accountId" = ${scope.accountId} AND r."day" >= ${range.from} AND r."day" <= ${range.to} AND r."scene" <> ''
    GROUP BY r."scene"`);
  const byScene = new Map(rows.map((row) => [String(row.scene), row]));
  for (const scene of scope.channelScenes) {
    const row = byScene.get(scene);
    const rateOf = (days: RetentionDays) => retentionRate({ eligible: Number(row?.[`eligible${days}`] ?? 0), retained: Number(row?.[`retained${days}`] ?? 0) });
    result.set(scene, { d1: rateOf(1), d7: rateOf(7), d30: rateOf(30) });
  }
  return result;
}

/** Day 0 to 30 for the channels in scope together. */
export async function getRetentionCurveForScope(scope: StatsScope, range: DayRange, today: string): Promise<RetentionCurve> {
  const tallies = Array.from({ length: retentionCurveDays + 1 }, () => ({ eligible: 0, retained: 0 }));
  for (const follow of await listCohortFollows(scope, range)) tallies.forEach((tally, days) => addToTally(tally, follow, days, today));
  return { points: tallies.map((tally, day) => ({ day, ...tally, rate: retentionRate(tally) })) };
}

function addToTally(tally: Tally, follow: CohortFollow, days: number, today: string): void {
  if (addDays(follow.day, days) > today) return;
  tally.eligible += 1;
  if (follow.keptDays >= days) tally.retained += 1;
}

async function listCohortFollows(scope: StatsScope, range: DayRange): Promise<CohortFollow[]> {
  if (!hasScenes(scope)) return [];
  const startsAt = startOfLocalDay(range.from, scope.timezone);
  const endsBefore = startOfLocalDay(addDays(range.to, 1), scope.timezone);
  const rows = await getDb().$queryRaw<{ scene: string; startedAt: Date | string; endedAt: Date | string | null }[]>(Prisma.sql`
    SELECT p."scene" AS "scene", p."startedAt" AS "startedAt", p."endedAt" AS "endedAt"
    FROM "FollowPeriod" p
    WHERE p."accountId" = ${scope.accountId} AND p."startedAt" >= ${instantSql(startsAt)} AND p."startedAt" < ${instantSql(endsBefore)}${sceneInScopeSql(scope, Prisma.sql`p."scene"`)}`);
  const localDay = localDayFunction(scope.timezone);
  return rows.map((row) => {
    const day = localDay(new Date(row.startedAt));
    const keptDays = row.endedAt === null ? Infinity : daysBetweenInclusive(day, localDay(new Date(row.endedAt))) - 1;
    return { scene: row.scene, day, keptDays };
  });
}
