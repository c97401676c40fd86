// Date ranges as the stats API wants them: inclusive calendar dates in the account's zone.
// "Today" is computed in that zone, so a Shanghai account's day starts at Shanghai midnight
// whatever the browser's clock says. Presets and filters live in the URL (see
// components/analytics/use-stats-params.ts), so a view can be bookmarked and shared.
import { addDays, daysBetweenInclusive, isCalendarDay, startOfMonth, todayIn } from "@/lib/time/zone";
import { maxHourRangeDays, maxRangeDays, type StatsInterval } from "@/lib/schemas/stats";

export interface DateRange {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

export const rangePresets = [
  "today",
  "yesterday",
  "last7",
  "last30",
  "last90",
  "thisMonth",
  "lastMonth",
  "custom",
] as const;
export type RangePreset = (typeof rangePresets)[number];
export const defaultPreset: RangePreset = "last30";

/** The range a preset stands for today, in the account's zone. */
export function rangeForPreset(
  preset: Exclude<RangePreset, "custom">,
  timeZone: string,
  now: Date = new Date(),
): DateRange {
  const today = todayIn(timeZone, now);
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "yesterday":
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case "last7":
      return { from: addDays(today, -6), to: today };
    case "last30":
      return { from: addDays(today, -29), to: today };
    case "last90":
      return { from: addDays(today, -89), to: today };
    case "thisMonth":
      return { from: startOfMonth(today), to: today };
    case "lastMonth": {
      const lastDayOfLastMonth = addDays(startOfMonth(today), -1);
      return { from: startOfMonth(lastDayOfLastMonth), to: lastDayOfLastMonth };
    }
  }
}

/** A custom range from the URL, if it is one the API accepts. */
export function parseCustomRange(from: string | null, to: string | null): DateRange | null {
  if (!from || !to || !isCalendarDay(from) || !isCalendarDay(to) || from > to) return null;
  if (Number.isNaN(Date.parse(`${from}T00:00:00Z`)) || Number.isNaN(Date.parse(`${to}T00:00:00Z`))) return null;
  return daysBetweenInclusive(from, to) <= maxRangeDays ? { from, to } : null;
}

/** Hours for a day or two, days up to a quarter, weeks up to a year, months beyond. */
export function defaultIntervalFor(range: DateRange): StatsInterval {
  const days = daysBetweenInclusive(range.from, range.to);
  return days <= 2 ? "hour" : days <= 92 ? "day" : days <= 366 ? "week" : "month";
}

/** The intervals that make sense for a range (hours only for short ones). */
export function intervalsFor(range: DateRange): StatsInterval[] {
  const days = daysBetweenInclusive(range.from, range.to);
  return (["hour", "day", "week", "month"] as const).filter((interval) =>
    interval === "hour"
      ? days <= maxHourRangeDays
      : interval === "week"
        ? days >= 14
        : interval === "month"
          ? days >= 60
          : true,
  );
}

export function rangeLength(range: DateRange): number {
  return daysBetweenInclusive(range.from, range.to);
}

/**
 * A calendar date as a Date to hand to Intl with `timeZone: "UTC"`. Noon, not midnight, so the
 * day stays the same even if a formatter is ever given a zone within ±12 h by mistake.
 */
export function calendarDateToUtcNoon(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}
