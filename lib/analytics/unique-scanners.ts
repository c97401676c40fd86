// Unique scanners: distinct openids among the scans of the channels in scope, exact over any
// range (never a sum of daily uniques). Read from ScannerDay, one row per (scene, day, openid).
import { getDb, Prisma } from "@/lib/db/client";
import { hasScenes, sceneInScopeSql, type StatsScope } from "@/lib/analytics/scope";
import { dayBucketsCte, instantBucketsCte, toCount } from "@/lib/analytics/sql";
import type { DayRange } from "@/lib/time/zone";

type CountRow = { i: bigint | number; count: bigint | number };

/** Distinct scanners of the scope in each range, in the order given. */
export async function countUniqueScanners(scope: StatsScope, ranges: DayRange[]): Promise<number[]> {
  const counts = ranges.map(() => 0);
  if (!hasScenes(scope) || ranges.length === 0) return counts;
  const rows = await getDb().$queryRaw<CountRow[]>(Prisma.sql`
    ${dayBucketsCte(ranges)}
    SELECT b.i AS "i", COUNT(DISTINCT s."openid") AS "count"
    FROM b CROSS JOIN "ScannerDay" s
    WHERE s."accountId" = ${scope.accountId} AND s."day" >= b.f AND s."day" <= b.t${sceneInScopeSql(scope, Prisma.sql`s."scene"`)}
    GROUP BY b.i`);
  for (const row of rows) counts[Number(row.i)] = toCount(row.count);
  return counts;
}

/** Distinct scanners of the scope per local day of the range. */
export async function countUniqueScannersByDay(scope: StatsScope, range: DayRange): Promise<Map<string, number>> {
  if (!hasScenes(scope)) return new Map();
  const rows = await getDb().$queryRaw<{ day: string; count: bigint | number }[]>(Prisma.sql`
    SELECT s."day" AS "day", COUNT(DISTINCT s."openid") AS "count"
    FROM "ScannerDay" s
    WHERE s."accountId" = ${scope.accountId} AND s."day" >= ${range.from} AND s."day" <= ${range.to}${sceneInScopeSql(scope, Prisma.sql`s."scene"`)}
    GROUP BY s."day"`);
  return new Map(rows.map((row) => [row.day, toCount(row.count)]));
}

/** Distinct scanners of each scene over the range. */
export async function countUniqueScannersByScene(scope: StatsScope, range: DayRange): Promise<Map<string, number>> {
  if (!hasScenes(scope)) return new Map();
  const rows = await getDb().$queryRaw<{ scene: string; count: bigint | number }[]>(Prisma.sql`
    SELECT s."scene" AS "scene", COUNT(DISTINCT s."openid") AS "count"
    FROM "ScannerDay" s
    WHERE s."accountId" = ${scope.accountId} AND s."day" >= ${range.from} AND s."day" <= ${range.to}${sceneInScopeSql(scope, Prisma.sql`s."scene"`)}
    GROUP BY s."scene"`);
  return new Map(rows.map((row) => [row.scene, toCount(row.count)]));
}

/**
 * Distinct scanners per local hour [starts[i], starts[i+1]). Day rows cannot answer this, so it
 * reads the scan events of the range (at most a week: see maxHourRangeDays).
 */
export async function countUniqueScannersByHour(scope: StatsScope, starts: Date[], end: Date): Promise<number[]> {
  const counts = starts.map(() => 0);
  if (!hasScenes(scope) || starts.length === 0) return counts;
  const rows = await getDb().$queryRaw<CountRow[]>(Prisma.sql`
    ${instantBucketsCte(starts, end)}
    SELECT b.i AS "i", COUNT(DISTINCT e."openid") AS "count"
    FROM b CROSS JOIN "Event" e
    WHERE e."accountId" = ${scope.accountId} AND e."occurredAt" >= b.f AND e."occurredAt" < b.t AND (e."type" = 'scan' OR (e."type" = 'subscribe' AND e."scene" <> ''))${sceneInScopeSql(scope, Prisma.sql`e."scene"`)}
    GROUP BY b.i`);
  for (const row of rows) counts[Number(row.i)] = toCount(row.count);
  return counts;
}
