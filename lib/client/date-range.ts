// Date ranges as the stats API wants them: inclusive calendar dates in the account's zone.
// "Today" is computed in that zone, so a Shanghai account's day starts at Shanghai midnight
// whatever the browser's clock says.
import { TZDate } from "@date-fns/tz";
import { format, subDays } from "date-fns";

export interface DateRange {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

const dateFormat = "yyyy-MM-dd";

/** The last `days` days ending today (today included) in `timeZone`. */
export function lastDaysRange(days: number, timeZone: string, now: Date = new Date()): DateRange {
  const today = new TZDate(now, timeZone);
  return { from: format(subDays(today, days - 1), dateFormat), to: format(today, dateFormat) };
}

/**
 * A calendar date as a Date to hand to Intl with `timeZone: "UTC"`. Noon, not midnight, so the
 * day stays the same even if a formatter is ever given a zone within ±12 h by mistake.
 */
export function calendarDateToUtcNoon(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

/**
 * The calendar day a bucket start stands for, in `timeZone`. Accepts a plain date or an instant
 * (a UTC instant of a Shanghai midnight is the previous day in UTC, so slicing would be wrong).
 */
export function calendarDateOf(start: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(start)) return start;
  return format(new TZDate(new Date(start), timeZone), dateFormat);
}
