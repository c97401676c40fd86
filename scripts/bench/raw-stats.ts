// The bench's baseline: the same answers as the stats API, computed straight from the raw events
// (and the follow periods, for retention) at query time, with no rollup. Local days are turned
// into UTC instants and events are bucketed by instant, so both databases run the same SQL.
import { getDb, Prisma } from "@/lib/db/client";
import { instantBucketsCte, toCount } from "@/lib/analytics/sql";
import { resolveScope, sceneInScopeSql, type StatsScope } from "@/lib/analytics/scope";
import { addToTally, listCohortFollows, retentionRate, type Tally } from "@/lib/analytics/retention";
import { retentionDays } from "@/lib/events/follow-cohorts";
import { addDays, eachDay, previousRange, startOfLocalDay, todayIn, type DayRange } from "@/lib/time/zone";
import type { ChannelStats, Retention, Summary, SummaryCounts, Timeseries } from "@/lib/schemas/stats";

type CountRow = {
  i: bigint | number;
  scans: bigint | number | null;
  uniqueScanners: bigint | number | null;
  newFollows: bigint | number | null;
  unfollows: bigint | number | null;
};

const isScanSql = Prisma.sql`(e."type" = 'scan' OR (e."type" = 'subscribe' AND e."scene" <> ''))`;

function dayStarts(scope: StatsScope, days: string[]): { starts: Date[]; end: Date } {
  return {
    starts: days.map((day) => startOfLocalDay(day, scope.timezone)),
    end: startOfLocalDay(addDays(days.at(-1)!, 1), scope.timezone),
  };
}

/** Channel metrics per bucket of consecutive instants. */
async function countByBucket(scope: StatsScope, starts: Date[], end: Date): Promise<Map<number, CountRow>> {
  const rows = await getDb().$queryRaw<CountRow[]>(Prisma.sql`
    ${instantBucketsCte(starts, end)}
    SELECT b.i AS "i",
      SUM(CASE WHEN ${isScanSql} THEN 1 ELSE 0 END) AS "scans",
      COUNT(DISTINCT CASE WHEN ${isScanSql} THEN e."openid" END) AS "uniqueScanners",
      SUM(CASE WHEN e."type" = 'subscribe' THEN 1 ELSE 0 END) AS "newFollows",
      SUM(CASE WHEN e."type" = 'unsubscribe' THEN 1 ELSE 0 END) AS "unfollows"
    FROM b CROSS JOIN "Event" e
    WHERE e."accountId" = ${scope.accountId} AND e."occurredAt" >= b.f AND e."occurredAt" < b.t${sceneInScopeSql(scope, Prisma.sql`e."scene"`)}
    GROUP BY b.i`);
  return new Map(rows.map((row) => [Number(row.i), row]));
}

function toCounts(row: CountRow | undefined) {
  const newFollows = toCount(row?.newFollows);
  const unfollows = toCount(row?.unfollows);
  return {
    scans: toCount(row?.scans),
    uniqueScanners: toCount(row?.uniqueScanners),
    newFollows,
    unfollows,
    netFollows: newFollows - unfollows,
  };
}

async function rawSummaryCounts(scope: StatsScope, range: DayRange): Promise<SummaryCounts> {
  const { starts, end } = dayStarts(scope, [range.from, range.to]);
  const [channel, context] = await Promise.all([
    countByBucket(scope, [starts[0]!], end),
    getDb().$queryRaw<{ organic: bigint | number | null; unattributed: bigint | number | null }[]>(Prisma.sql`
      SELECT SUM(CASE WHEN e."type" = 'subscribe' AND e."scene" = '' THEN 1 ELSE 0 END) AS "organic",
        SUM(CASE WHEN ${isScanSql} AND e."scene" NOT IN (${Prisma.join([...scope.ownedScenes, ""])}) THEN 1 ELSE 0 END) AS "unattributed"
      FROM "Event" e
      WHERE e."accountId" = ${scope.accountId} AND e."occurredAt" >= ${starts[0]!} AND e."occurredAt" < ${end}`),
  ]);
  return {
    ...toCounts(channel.get(0)),
    organicFollows: toCount(context[0]?.organic),
    unattributedScans: toCount(context[0]?.unattributed),
  };
}

export async function rawSummary(accountId: string, range: DayRange): Promise<Summary> {
  const scope = await resolveScope({ accountId });
  const comparedRange = previousRange(range);
  const [current, previous] = await Promise.all([
    rawSummaryCounts(scope, range),
    rawSummaryCounts(scope, comparedRange),
  ]);
  return { ...current, previous, previousRange: comparedRange };
}

export async function rawDailySeries(accountId: string, range: DayRange): Promise<Timeseries> {
  const scope = await resolveScope({ accountId });
  const days = eachDay(range.from, range.to);
  const { starts, end } = dayStarts(scope, days);
  const byDay = await countByBucket(scope, starts, end);
  return {
    interval: "day",
    timezone: scope.timezone,
    points: days.map((day, index) => ({ start: day, end: day, ...toCounts(byDay.get(index)) })),
  };
}

/** d1, d7 and d30 per scene, from every follow period of the range read row by row. */
async function retentionFromPeriods(
  scope: StatsScope,
  range: DayRange,
  today: string,
): Promise<Map<string, Retention>> {
  const tallies = new Map<string, Tally[]>();
  for (const follow of await listCohortFollows(scope, range)) {
    let sceneTallies = tallies.get(follow.scene);
    if (!sceneTallies)
      tallies.set(follow.scene, (sceneTallies = retentionDays.map(() => ({ eligible: 0, retained: 0 }))));
    retentionDays.forEach((days, index) => addToTally(sceneTallies[index]!, follow, days, today));
  }
  const result = new Map<string, Retention>();
  for (const [scene, [d1, d7, d30]] of tallies)
    result.set(scene, { d1: retentionRate(d1!), d7: retentionRate(d7!), d30: retentionRate(d30!) });
  return result;
}

export async function rawChannelTable(accountId: string, range: DayRange, now = new Date()): Promise<ChannelStats> {
  const scope = await resolveScope({ accountId });
  const { starts, end } = dayStarts(scope, [range.from, range.to]);
  const [rows, retention] = await Promise.all([
    getDb().$queryRaw<(Omit<CountRow, "i"> & { scene: string })[]>(Prisma.sql`
      SELECT e."scene" AS "scene",
        SUM(CASE WHEN ${isScanSql} THEN 1 ELSE 0 END) AS "scans",
        COUNT(DISTINCT CASE WHEN ${isScanSql} THEN e."openid" END) AS "uniqueScanners",
        SUM(CASE WHEN e."type" = 'subscribe' THEN 1 ELSE 0 END) AS "newFollows",
        SUM(CASE WHEN e."type" = 'unsubscribe' THEN 1 ELSE 0 END) AS "unfollows"
      FROM "Event" e
      WHERE e."accountId" = ${accountId} AND e."occurredAt" >= ${starts[0]!} AND e."occurredAt" < ${end}${sceneInScopeSql(scope, Prisma.sql`e."scene"`)}
      GROUP BY e."scene"`),
    // Follow periods are the raw record of who followed when: read row by row, no rollup.
    retentionFromPeriods(scope, range, todayIn(scope.timezone, now)),
  ]);
  const byScene = new Map(rows.map((row) => [row.scene, row]));
  const table = scope.channels.map((channel) => ({
    channelId: channel.id,
    name: channel.name,
    group: channel.group,
    scene: channel.scene,
    isArchived: channel.isArchived,
    ...toCounts(byScene.get(channel.scene) && { i: 0, ...byScene.get(channel.scene)! }),
    retention: retention.get(channel.scene) ?? { d1: null, d7: null, d30: null },
  }));
  table.sort((a, b) => b.scans - a.scans || b.newFollows - a.newFollows || a.name.localeCompare(b.name));
  return { rows: table };
}
