// Which buckets at the end of a series are not whole: still being counted (today, this week, the
// hour under way, and any after it) or cut short by the range's end (a week of fewer than seven
// days, a month without its last day). Charts draw them apart, so that a bucket of two days does
// not read as a drop against the whole weeks before it.
import { addDays, startOfNextMonth, startOfWeek } from "@/lib/time/zone";
import type { StatsInterval } from "@/lib/schemas/stats";

const hourMs = 3_600_000;

interface Bucket {
  /** YYYY-MM-DD, or the hour's ISO instant. */
  start: string;
  /** The last day a week or month covers, when the range clips it. */
  end?: string;
}

/**
 * The index of the first bucket that is not whole, when every bucket from it to the end is not
 * (they follow each other in time); null when the last one is whole. `today`: the account's.
 */
export function firstIncompleteBucket(
  buckets: Bucket[],
  interval: StatsInterval,
  today: string,
  now: Date = new Date(),
): number | null {
  const isStillCounted = (bucket: Bucket) =>
    interval === "hour"
      ? new Date(bucket.start).getTime() + hourMs > now.getTime()
      : lastDayOf(bucket, interval) >= today;
  let first: number | null = null;
  for (let index = buckets.length - 1; index >= 0 && isStillCounted(buckets[index]!); index--) first = index;
  const last = buckets.at(-1);
  if (
    first === null &&
    last &&
    interval !== "hour" &&
    interval !== "day" &&
    last.end !== undefined &&
    last.end < lastDayOf(last, interval)
  )
    first = buckets.length - 1;
  return first;
}

/** The calendar's last day of the bucket's week or month, or the day itself. */
function lastDayOf(bucket: Bucket, interval: Exclude<StatsInterval, "hour">): string {
  if (interval === "week") return addDays(startOfWeek(bucket.start), 6);
  if (interval === "month") return addDays(startOfNextMonth(bucket.start), -1);
  return bucket.start;
}
