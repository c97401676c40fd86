// Totals for a date range (inclusive, in the account's zone) and the period of equal length before it.
import { getDb, Prisma } from "@/lib/db/client";
import { resolveScope, scannerScopeSql, type StatsScope } from "@/lib/analytics/scope";
import { addDays, daysBetweenInclusive } from "@/lib/time/zone";
import type { StatsQuery, Summary, SummaryCounts } from "@/lib/schemas/stats";

export async function getSummary(query: StatsQuery): Promise<Summary> {
  const scope = await resolveScope(query);
  const length = daysBetweenInclusive(query.from, query.to);
  const previousTo = addDays(query.from, -1);
  const [current, previous] = await Promise.all([
    countRange(scope, query.from, query.to),
    countRange(scope, addDays(previousTo, 1 - length), previousTo),
  ]);
  return { ...current, previous };
}

export async function countRange(scope: StatsScope, from: string, to: string): Promise<SummaryCounts> {
  const db = getDb();
  const [byScene, uniqueScanners] = await Promise.all([
    db.rollupDay.groupBy({
      by: ["scene"],
      where: { accountId: scope.accountId, day: { gte: from, lte: to } },
      _sum: { scans: true, follows: true, unfollows: true },
    }),
    countUniqueScanners(scope, from, to),
  ]);
  const counts: SummaryCounts = { scans: 0, uniqueScanners, newFollows: 0, unfollows: 0, netFollows: 0, organicFollows: 0, unattributedScans: 0 };
  for (const row of byScene) {
    const sums = { scans: row._sum.scans ?? 0, follows: row._sum.follows ?? 0, unfollows: row._sum.unfollows ?? 0 };
    if (row.scene === "") counts.organicFollows += sums.follows;
    else if (!scope.ownedScenes.has(row.scene)) counts.unattributedScans += sums.scans;
    else if (scope.channelScenes.has(row.scene)) {
      counts.scans += sums.scans;
      counts.newFollows += sums.follows;
      counts.unfollows += sums.unfollows;
    }
  }
  counts.netFollows = counts.newFollows - counts.unfollows;
  return counts;
}

/** Exact distinct openids over the whole range, not a sum of daily uniques. */
async function countUniqueScanners(scope: StatsScope, from: string, to: string): Promise<number> {
  const rows = await getDb().$queryRaw<{ count: bigint | number }[]>(Prisma.sql`
    SELECT COUNT(DISTINCT s."openid") AS "count"
    FROM "ScannerDay" s
    JOIN "Channel" c ON c."accountId" = s."accountId" AND c."scene" = s."scene"
    WHERE s."accountId" = ${scope.accountId} AND s."day" >= ${from} AND s."day" <= ${to}${scannerScopeSql(scope)}`);
  return Number(rows[0]?.count ?? 0);
}
