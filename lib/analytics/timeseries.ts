// A series over a range in the account's zone: hours, days, weeks (Monday to Sunday) or calendar
// months, every bucket present with zeros. Weeks and months are clipped to the range, so the points
// add up to the summary; unique scanners are exact per bucket.
import { resolveScope, type StatsScope } from "@/lib/analytics/scope";
import { sumRollupsByDay, sumRollupsByHour, type RollupSums } from "@/lib/analytics/rollup-sums";
import { addRollupDelta, emptyRollupDelta } from "@/lib/events/rules/rollup-rules";
import {
  countUniqueScanners,
  countUniqueScannersByDay,
  countUniqueScannersByHour,
} from "@/lib/analytics/unique-scanners";
import { addDays, dayBuckets, eachDay, localHourStarts, startOfLocalDay, type DayRange } from "@/lib/time/zone";
import type { Timeseries, TimeseriesPoint, TimeseriesQuery } from "@/lib/schemas/stats";

export async function getTimeseries(query: TimeseriesQuery): Promise<Timeseries> {
  const scope = await resolveScope(query);
  const range = { from: query.from, to: query.to };
  const points =
    query.interval === "hour" ? await hourlyPoints(scope, range) : await dailyPoints(scope, range, query.interval);
  return { interval: query.interval, timezone: scope.timezone, points };
}

function toPoint(
  start: string,
  end: string | undefined,
  sums: RollupSums | undefined,
  uniqueScanners: number,
): TimeseriesPoint {
  const newFollows = sums?.follows ?? 0;
  const unfollows = sums?.unfollows ?? 0;
  return {
    start,
    ...(end ? { end } : {}),
    scans: sums?.scans ?? 0,
    uniqueScanners,
    newFollows,
    unfollows,
    netFollows: newFollows - unfollows,
  };
}

async function dailyPoints(
  scope: StatsScope,
  range: DayRange,
  interval: "day" | "week" | "month",
): Promise<TimeseriesPoint[]> {
  if (interval === "day") {
    const [byDay, uniques] = await Promise.all([sumRollupsByDay(scope, range), countUniqueScannersByDay(scope, range)]);
    return eachDay(range.from, range.to).map((day) => toPoint(day, day, byDay.get(day), uniques.get(day) ?? 0));
  }
  const buckets = dayBuckets(range, interval);
  const [byDay, uniques] = await Promise.all([sumRollupsByDay(scope, range), countUniqueScanners(scope, buckets)]);
  return buckets.map((bucket, index) => {
    const sums: RollupSums = emptyRollupDelta();
    for (const day of eachDay(bucket.from, bucket.to)) {
      const daySums = byDay.get(day);
      if (daySums) addRollupDelta(sums, daySums);
    }
    return toPoint(bucket.from, bucket.to, sums, uniques[index] ?? 0);
  });
}

async function hourlyPoints(scope: StatsScope, range: DayRange): Promise<TimeseriesPoint[]> {
  const starts = localHourStarts(range, scope.timezone);
  const end = startOfLocalDay(addDays(range.to, 1), scope.timezone);
  const first = starts[0] ?? end;
  const [byHour, uniques] = await Promise.all([
    sumRollupsByHour(scope, first, end),
    countUniqueScannersByHour(scope, starts, end),
  ]);
  return starts.map((start, index) =>
    toPoint(start.toISOString(), undefined, byHour.get(start.getTime()), uniques[index] ?? 0),
  );
}
