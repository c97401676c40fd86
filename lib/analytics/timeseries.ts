// Daily series for a range in the account's zone: every day present, zeros included.
import { getDb, Prisma } from "@/lib/db/client";
import { resolveScope, scannerScopeSql } from "@/lib/analytics/scope";
import { eachDay } from "@/lib/time/zone";
import type { StatsQuery, Timeseries, TimeseriesPoint } from "@/lib/schemas/stats";

export async function getTimeseries(query: StatsQuery): Promise<Timeseries> {
  const scope = await resolveScope(query);
  const db = getDb();
  const [rows, uniques] = await Promise.all([
    db.rollupDay.groupBy({
      by: ["day", "scene"],
      where: { accountId: scope.accountId, day: { gte: query.from, lte: query.to }, scene: { not: "" } },
      _sum: { scans: true, follows: true, unfollows: true },
    }),
    db.$queryRaw<{ day: string; count: bigint | number }[]>(Prisma.sql`
      SELECT s."day" AS "day", COUNT(DISTINCT s."openid") AS "count"
      FROM "ScannerDay" s
      JOIN "Channel" c ON c."accountId" = s."accountId" AND c."scene" = s."scene"
      WHERE s."accountId" = ${scope.accountId} AND s."day" >= ${query.from} AND s."day" <= ${query.to}${scannerScopeSql(scope)}
      GROUP BY s."day"`),
  ]);
  const points = new Map<string, TimeseriesPoint>(
    eachDay(query.from, query.to).map((day) => [day, { start: day, scans: 0, uniqueScanners: 0, newFollows: 0, unfollows: 0, netFollows: 0 }]),
  );
  for (const row of rows) {
    const point = points.get(row.day);
    if (!point || !scope.channelScenes.has(row.scene)) continue;
    point.scans += row._sum.scans ?? 0;
    point.newFollows += row._sum.follows ?? 0;
    point.unfollows += row._sum.unfollows ?? 0;
  }
  for (const row of uniques) {
    const point = points.get(row.day);
    if (point) point.uniqueScanners = Number(row.count);
  }
  for (const point of points.values()) point.netFollows = point.newFollows - point.unfollows;
  return { points: [...points.values()] };
}
