// Unique scanners: distinct openids among the scans of the channels in scope, exact over any
// range (never a sum of daily uniques). All channels together, or one channel, read the tallies
// ingest keeps (lib/events/scanner-tallies.ts): first-timers of the range's days plus the returns
// in those days whose previous scan came before the range, O(days + returns). Any other set of
// channels counts distinct openids of its ScannerDay rows.
import { getDb, Prisma } from "@/lib/db/client";
import { hasScenes, sceneInScopeSql, type StatsScope } from "@/lib/analytics/scope";
import { channelScenesRows, dayBucketsCte, instantBucketsCte, toCount } from "@/lib/analytics/sql";
import { allChannelsScope } from "@/lib/events/scanner-tallies";
import { returnsColumnsFor, planRanges, type RangePlan } from "@/lib/analytics/range-plan";
import type { DayRange } from "@/lib/time/zone";

type CountRow = { i: bigint | number; count: bigint | number | null };

/** The tallied scope that answers for the scope's channels, or null when none does. */
function talliedScopeOf(scope: StatsScope): string | null {
  const covered = [...scope.ownedScenes].every((scene) => scope.channelScenes.has(scene));
  if (covered) return allChannelsScope;
  return scope.channelScenes.size === 1 ? [...scope.channelScenes][0]! : null;
}

/** Up to this many ranges are counted a query each, with the index their plan chooses (the summary's two). */
const maxPlannedRanges = 2;

/** Distinct scanners of the scope in each range, in the order given (`plans`: of the same ranges, when known). */
export async function countUniqueScanners(
  scope: StatsScope,
  ranges: DayRange[],
  plans?: RangePlan[],
): Promise<number[]> {
  const counts = ranges.map(() => 0);
  if (!hasScenes(scope) || ranges.length === 0) return counts;
  const tallied = talliedScopeOf(scope);
  const db = getDb();
  if (tallied === null) {
    const rows = await db.$queryRaw<CountRow[]>(Prisma.sql`
      ${dayBucketsCte(ranges)}
      SELECT b.i AS "i", COUNT(DISTINCT s."openid") AS "count"
      FROM b CROSS JOIN "ScannerDay" s
      WHERE s."accountId" = ${scope.accountId} AND s."day" >= b.f AND s."day" <= b.t${sceneInScopeSql(scope, Prisma.sql`s."scene"`)}
      GROUP BY b.i`);
    for (const row of rows) counts[Number(row.i)] = toCount(row.count);
    return counts;
  }
  if (ranges.length <= maxPlannedRanges) {
    const planned = plans ?? (await planRanges(scope.accountId, ranges));
    return Promise.all(planned.map((plan) => countTalliedScanners(scope.accountId, tallied, plan)));
  }
  // Many buckets (a week or month series): one query each for all of them, by day.
  const [firstTimers, returns] = await Promise.all([
    db.$queryRaw<CountRow[]>(Prisma.sql`
      ${dayBucketsCte(ranges)}
      SELECT b.i AS "i", SUM(t."firstTimeScanners") AS "count"
      FROM b CROSS JOIN "ScannerDayTotal" t
      WHERE t."accountId" = ${scope.accountId} AND t."scene" = ${tallied} AND t."day" >= b.f AND t."day" <= b.t
      GROUP BY b.i`),
    db.$queryRaw<CountRow[]>(Prisma.sql`
      ${dayBucketsCte(ranges)}
      SELECT b.i AS "i", SUM(r."scanners") AS "count"
      FROM b CROSS JOIN "ScannerReturn" r
      WHERE r."accountId" = ${scope.accountId} AND r."scene" = ${tallied} AND r."day" >= b.f AND r."day" <= b.t AND r."previousDay" < b.f
      GROUP BY b.i`),
  ]);
  for (const row of [...firstTimers, ...returns]) counts[Number(row.i)]! += toCount(row.count);
  return counts;
}

/** First-timers of the range's days plus its returns from before it, read by the plan's index. */
async function countTalliedScanners(accountId: string, tallied: string, plan: RangePlan): Promise<number> {
  if (plan.isBeforeHistory) return 0;
  const { from, to } = plan.range;
  const r = returnsColumnsFor(plan, "r");
  const [[firstTimers], [returns]] = await Promise.all([
    getDb().$queryRaw<{ count: bigint | number | null }[]>(Prisma.sql`
      SELECT SUM(t."firstTimeScanners") AS "count" FROM "ScannerDayTotal" t
      WHERE t."accountId" = ${accountId} AND t."scene" = ${tallied} AND t."day" >= ${from} AND t."day" <= ${to}`),
    getDb().$queryRaw<{ count: bigint | number | null }[]>(Prisma.sql`
      SELECT SUM(r."scanners") AS "count" FROM "ScannerReturn" r
      WHERE r."accountId" = ${accountId} AND r."scene" = ${tallied} AND ${r.day} >= ${from} AND ${r.day} <= ${to} AND ${r.previousDay} < ${from}`),
  ]);
  return toCount(firstTimers?.count) + toCount(returns?.count);
}

/** Distinct scanners of the scope per local day of the range. */
export async function countUniqueScannersByDay(scope: StatsScope, range: DayRange): Promise<Map<string, number>> {
  if (!hasScenes(scope)) return new Map();
  const tallied = talliedScopeOf(scope);
  const rows =
    tallied === null
      ? await getDb().$queryRaw<{ day: string; count: bigint | number }[]>(Prisma.sql`
          SELECT s."day" AS "day", COUNT(DISTINCT s."openid") AS "count"
          FROM "ScannerDay" s
          WHERE s."accountId" = ${scope.accountId} AND s."day" >= ${range.from} AND s."day" <= ${range.to}${sceneInScopeSql(scope, Prisma.sql`s."scene"`)}
          GROUP BY s."day"`)
      : await getDb()
          .scannerDayTotal.findMany({
            where: { accountId: scope.accountId, scene: tallied, day: { gte: range.from, lte: range.to } },
            select: { day: true, scanners: true },
          })
          .then((totals) => totals.map((total) => ({ day: total.day, count: total.scanners })));
  return new Map(rows.map((row) => [row.day, toCount(row.count)]));
}

/**
 * Distinct scanners of each channel's scene over the range. The first-timers as channelScenesRows
 * reads them; the returns channel by channel on both databases (CROSS JOIN), each reading only its
 * scene's rows from the scene-led indexes: on PostgreSQL 5 ms for a year where one grouped pass
 * took 107.
 */
export async function countUniqueScannersByScene(accountId: string, plan: RangePlan): Promise<Map<string, number>> {
  if (plan.isBeforeHistory) return new Map();
  const db = getDb();
  const { range } = plan;
  const { day, previousDay } = returnsColumnsFor(plan, "r");
  const totals = channelScenesRows("ScannerDayTotal", "t", accountId, range);
  const [firstTimers, returns] = await Promise.all([
    db.$queryRaw<{ scene: string; count: bigint | number | null }[]>(Prisma.sql`
      SELECT ${totals.scene} AS "scene", SUM(t."firstTimeScanners") AS "count"
      ${totals.fromWhere}
      GROUP BY ${totals.scene}`),
    db.$queryRaw<{ scene: string; count: bigint | number | null }[]>(Prisma.sql`
      SELECT c."scene" AS "scene", SUM(r."scanners") AS "count"
      FROM "Channel" c CROSS JOIN "ScannerReturn" r
      WHERE c."accountId" = ${accountId} AND r."accountId" = c."accountId" AND r."scene" = c."scene" AND ${day} >= ${range.from} AND ${day} <= ${range.to} AND ${previousDay} < ${range.from}
      GROUP BY c."scene"`),
  ]);
  const counts = new Map<string, number>();
  for (const row of [...firstTimers, ...returns])
    counts.set(row.scene, (counts.get(row.scene) ?? 0) + toCount(row.count));
  return counts;
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
