// Every channel's series over a range in one pass: the day rows of each channel's scene (counts
// from RollupDay, distinct scanners of the day from ScannerDayTotal) read by two grouped queries,
// zeros filled in. Weeks and months sum the days and count their distinct scanners exactly per
// channel, as a one-channel GET /api/stats/timeseries does.
import { getDb, Prisma } from "@/lib/db/client";
import { hasScenes, type ScopedChannel, type StatsScope } from "@/lib/analytics/scope";
import { countUniqueScanners } from "@/lib/analytics/unique-scanners";
import { toCount } from "@/lib/analytics/sql";
import { dayBuckets, eachDay, type DayRange } from "@/lib/time/zone";
import type { TimeseriesPoint } from "@/lib/schemas/stats";
import type { ReportInterval } from "@/lib/schemas/reports";

export interface ChannelSeries {
  channel: ScopedChannel;
  points: TimeseriesPoint[];
}

type DayCounts = { scans: number; follows: number; unfollows: number; scanners: number };
type Numeric = bigint | number | null;

/** scene → day → counts, for the scenes of the scope's channels over the range. */
async function readChannelDays(scope: StatsScope, range: DayRange): Promise<Map<string, Map<string, DayCounts>>> {
  const byScene = new Map<string, Map<string, DayCounts>>();
  if (!hasScenes(scope)) return byScene;
  const scenes = Prisma.join([...scope.channelScenes]);
  const db = getDb();
  const [rollups, scanners] = await Promise.all([
    db.$queryRaw<{ scene: string; day: string; scans: Numeric; follows: Numeric; unfollows: Numeric }[]>(Prisma.sql`
      SELECT r."scene" AS "scene", r."day" AS "day", r."scans" AS "scans", r."follows" AS "follows", r."unfollows" AS "unfollows"
      FROM "RollupDay" r
      WHERE r."accountId" = ${scope.accountId} AND r."day" >= ${range.from} AND r."day" <= ${range.to} AND r."scene" IN (${scenes})`),
    db.$queryRaw<{ scene: string; day: string; scanners: Numeric }[]>(Prisma.sql`
      SELECT t."scene" AS "scene", t."day" AS "day", t."scanners" AS "scanners"
      FROM "ScannerDayTotal" t
      WHERE t."accountId" = ${scope.accountId} AND t."day" >= ${range.from} AND t."day" <= ${range.to} AND t."scene" IN (${scenes})`),
  ]);
  const countsOf = (scene: string, day: string): DayCounts => {
    let days = byScene.get(scene);
    if (!days) byScene.set(scene, (days = new Map()));
    let counts = days.get(day);
    if (!counts) days.set(day, (counts = { scans: 0, follows: 0, unfollows: 0, scanners: 0 }));
    return counts;
  };
  for (const row of rollups) {
    const counts = countsOf(row.scene, row.day);
    counts.scans += toCount(row.scans);
    counts.follows += toCount(row.follows);
    counts.unfollows += toCount(row.unfollows);
  }
  for (const row of scanners) countsOf(row.scene, row.day).scanners = toCount(row.scanners);
  return byScene;
}

function toPoint(bucket: DayRange, sums: Omit<DayCounts, "scanners">, uniqueScanners: number): TimeseriesPoint {
  return {
    start: bucket.from,
    end: bucket.to,
    scans: sums.scans,
    uniqueScanners,
    newFollows: sums.follows,
    unfollows: sums.unfollows,
    netFollows: sums.follows - sums.unfollows,
  };
}

/** One scope per channel, as resolveScope would answer for channelIds=<that channel>. */
function singleChannelScope(scope: StatsScope, channel: ScopedChannel): StatsScope {
  return { ...scope, channels: [channel], channelScenes: new Set([channel.scene]), isFiltered: true };
}

export async function channelTimeseries(
  scope: StatsScope,
  range: DayRange,
  interval: ReportInterval,
): Promise<ChannelSeries[]> {
  const byScene = await readChannelDays(scope, range);
  const zero = { scans: 0, follows: 0, unfollows: 0, scanners: 0 };
  if (interval === "day") {
    const days = eachDay(range.from, range.to);
    return scope.channels.map((channel) => {
      const channelDays = byScene.get(channel.scene);
      const points = days.map((day) => {
        const counts = channelDays?.get(day) ?? zero;
        return toPoint({ from: day, to: day }, counts, counts.scanners);
      });
      return { channel, points };
    });
  }
  const buckets = dayBuckets(range, interval);
  const series: ChannelSeries[] = [];
  for (const channel of scope.channels) {
    const channelDays = byScene.get(channel.scene);
    const uniques = channelDays
      ? await countUniqueScanners(singleChannelScope(scope, channel), buckets)
      : buckets.map(() => 0);
    const points = buckets.map((bucket, index) => {
      const sums = { scans: 0, follows: 0, unfollows: 0 };
      for (const day of eachDay(bucket.from, bucket.to)) {
        const counts = channelDays?.get(day);
        if (!counts) continue;
        sums.scans += counts.scans;
        sums.follows += counts.follows;
        sums.unfollows += counts.unfollows;
      }
      return toPoint(bucket, sums, uniques[index]!);
    });
    series.push({ channel, points });
  }
  return series;
}
