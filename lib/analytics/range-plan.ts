// How the analytics' queries over a range of days find their rows. Which index is cheaper depends
// on how much of the account's history the range spans, which the planners do not always see:
// SQLite takes the (accountId, day) index for any day range, so the summary's year of 500 scenes
// (180 000 day rows, nearly all of the history) was read row by row through the table instead of
// straight from the covering (accountId, scene, …) index: 88 ms instead of 29 at 10 million
// events; and a year's returns by day read 65 000 rows where by previous day reads none. A query
// states the plan with an expression on a column (`(day || '')`), which keeps the planner off
// that column's indexes. Measured in docs/analytics.md, "Choosing the index".
import { getDb, getDialect, Prisma } from "@/lib/db/client";
import { daysBetweenInclusive, type DayRange } from "@/lib/time/zone";

export interface RangePlan {
  range: DayRange;
  /** The range ends before the account's first day with rows: there is nothing to read. */
  isBeforeHistory: boolean;
  /**
   * The range spans a quarter or more of the account's days: scan the covering index of the
   * account whole (in scene order) rather than look the range's rows up by day. Measured at
   * 10 million events over 365 days, the two cost the same at 90 days.
   */
  isMostOfHistory: boolean;
  /**
   * Which index finds the returns (ScannerReturn) in the range whose previous scan came before it
   * with fewer rows read: by day (the rows of the range) or by previous day (the rows before it).
   * Returns spread over the days roughly evenly, so comparing day counts is enough.
   */
  returnsBy: "day" | "previousDay";
}

const mostOfHistoryShare = 0.25;

/** One plan per range, from the account's first day with rows (one index lookup). */
export async function planRanges(accountId: string, ranges: DayRange[]): Promise<RangePlan[]> {
  const [first] = await getDb().$queryRaw<{ day: string | null }[]>(
    Prisma.sql`SELECT MIN(r."day") AS "day" FROM "RollupDay" r WHERE r."accountId" = ${accountId}`,
  );
  return ranges.map((range) => planRange(range, first?.day ?? null));
}

export function planRange(range: DayRange, firstDay: string | null): RangePlan {
  if (firstDay === null || range.to < firstDay)
    return { range, isBeforeHistory: true, isMostOfHistory: false, returnsBy: "previousDay" };
  const historyDays = daysBetweenInclusive(firstDay, range.to);
  const rangeDays = daysBetweenInclusive(range.from > firstDay ? range.from : firstDay, range.to);
  const daysBefore = range.from > firstDay ? daysBetweenInclusive(firstDay, range.from) - 1 : 0;
  return {
    range,
    isBeforeHistory: false,
    isMostOfHistory: rangeDays >= historyDays * mostOfHistoryShare,
    returnsBy: daysBefore > 0 && rangeDays <= daysBefore ? "day" : "previousDay",
  };
}

/**
 * A day column as the range's condition should name it: kept off its indexes when the plan scans
 * the account's covering index. Only on SQLite: PostgreSQL's statistics make the same choice.
 */
export function dayColumnFor(plan: RangePlan, column: Prisma.Sql): Prisma.Sql {
  const isScan = plan.isMostOfHistory && getDialect().keepsDayOffIndexForLongRanges;
  return isScan ? Prisma.sql`(${column} || '')` : column;
}

/**
 * The two columns of a returns query for one scene (or each channel's in turn), each kept off its
 * index unless the plan reads by it. Indexes of ScannerReturn: (accountId, scene, day,
 * previousDay, …) and (accountId, scene, previousDay, day, …).
 */
export function returnsColumnsFor(plan: RangePlan, alias: string): { day: Prisma.Sql; previousDay: Prisma.Sql } {
  const day = Prisma.raw(`${alias}."day"`);
  const previousDay = Prisma.raw(`${alias}."previousDay"`);
  return plan.returnsBy === "day"
    ? { day, previousDay: Prisma.sql`(${previousDay} || '')` }
    : { day: Prisma.sql`(${day} || '')`, previousDay };
}
