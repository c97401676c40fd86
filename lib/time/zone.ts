// Days, hours, weeks and months as an account's time zone sees them. Instants are stored in UTC;
// a "day" is a calendar day in the account's IANA zone (DST and half-hour offsets included).
import { TZDate, tzOffset } from "@date-fns/tz";

const hourMs = 3_600_000;
const dayMs = 86_400_000;

/** YYYY-MM-DD of the instant in the zone. */
export function localDayOf(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone);
  return formatDay(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

/**
 * The UTC instant at which the local hour containing `instant` began. Computed from the offset in
 * force at the instant, not by setting local minutes to 0: in the hour repeated when DST ends
 * (01:00–02:00 twice in New York), "01:00" is ambiguous and would land in the first one.
 */
export function localHourStartOf(instant: Date, timeZone: string): Date {
  const offsetMs = tzOffset(timeZone, instant) * 60_000;
  const ms = instant.getTime();
  return new Date(ms - mod(ms + offsetMs, hourMs));
}

/**
 * localDayOf and localHourStartOf for many instants: the zone's offset is looked up once per UTC
 * quarter hour (offsets only change on quarter hours), so a million instants cost a few thousand
 * Intl calls.
 */
export function zoneCalendar(timeZone: string): {
  dayOf(instant: Date | number): string;
  hourStartOf(instant: Date | number): number;
} {
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number) => {
    const quarter = Math.floor(ms / 900_000);
    let offsetMs = offsets.get(quarter);
    if (offsetMs === undefined) {
      offsetMs = tzOffset(timeZone, new Date(quarter * 900_000)) * 60_000;
      offsets.set(quarter, offsetMs);
    }
    return offsetMs;
  };
  return {
    dayOf(instant) {
      const ms = typeof instant === "number" ? instant : instant.getTime();
      const local = new Date(ms + offsetAt(ms));
      return formatDay(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
    },
    hourStartOf(instant) {
      const ms = typeof instant === "number" ? instant : instant.getTime();
      return ms - mod(ms + offsetAt(ms), hourMs);
    },
  };
}

/** zoneCalendar(timeZone).dayOf, for callers that only need days. */
export function localDayFunction(timeZone: string): (instant: Date | number) => string {
  return zoneCalendar(timeZone).dayOf;
}

/** The UTC instant at which the local day began (midnight, or the first instant after a DST gap). */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const [year, month, date] = parseDay(day);
  return new Date(new TZDate(year, month - 1, date, 0, 0, 0, 0, timeZone).getTime());
}

/** Today's date in the zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return localDayOf(now, timeZone);
}

/** Calendar arithmetic on plain dates: no zone is involved in counting days. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = parseDay(day);
  const shifted = new Date(Date.UTC(year, month - 1, date + days));
  return formatDay(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

export function daysBetweenInclusive(from: string, to: string): number {
  return Math.round((utcOf(to) - utcOf(from)) / dayMs) + 1;
}

export function eachDay(from: string, to: string): string[] {
  const count = daysBetweenInclusive(from, to);
  return Array.from({ length: Math.max(count, 0) }, (_, index) => addDays(from, index));
}

/** Weeks start on Monday (ISO 8601, as in China): the Monday on or before `day`. */
export function startOfWeek(day: string): string {
  const weekday = new Date(utcOf(day)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export function startOfMonth(day: string): string {
  return `${day.slice(0, 8)}01`;
}

/** The first day of the next month. */
export function startOfNextMonth(day: string): string {
  const [year, month] = parseDay(day);
  return month === 12 ? formatDay(year + 1, 1, 1) : formatDay(year, month + 1, 1);
}

/**
 * The same day `months` months away, clamped to the end of a shorter month (03-31 → 02-28); the
 * last day of a month stays the last day of the month it lands in (02-28 → 01-31), so a whole
 * month maps to a whole month.
 */
export function shiftMonths(day: string, months: number): string {
  const [year, month, date] = parseDay(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = mod(index, 12) + 1;
  const targetLength = daysInMonth(targetYear, targetMonth);
  const isLastDay = date === daysInMonth(year, month);
  return formatDay(targetYear, targetMonth, isLastDay ? targetLength : Math.min(date, targetLength));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An inclusive range of calendar days. */
export interface DayRange {
  from: string;
  to: string;
}

export type DayInterval = "day" | "week" | "month";

/**
 * The range cut into days, weeks (Monday to Sunday) or calendar months, every bucket present.
 * The first and last buckets are clipped to the range, so they may be shorter.
 */
export function dayBuckets(range: DayRange, interval: DayInterval): DayRange[] {
  const buckets: DayRange[] = [];
  let from = range.from;
  while (from <= range.to) {
    const next =
      interval === "day"
        ? addDays(from, 1)
        : interval === "week"
          ? addDays(startOfWeek(from), 7)
          : startOfNextMonth(from);
    const to = addDays(next, -1) < range.to ? addDays(next, -1) : range.to;
    buckets.push({ from, to });
    from = next;
  }
  return buckets;
}

/**
 * The start instants of the local hours from the start of `from` to the end of `to`. A day has 23
 * or 25 of them when DST begins or ends; in Asia/Kolkata they fall on the half hour in UTC.
 */
export function localHourStarts(range: DayRange, timeZone: string): Date[] {
  const end = startOfLocalDay(addDays(range.to, 1), timeZone).getTime();
  const starts: Date[] = [];
  for (let at = startOfLocalDay(range.from, timeZone).getTime(); at < end;) {
    starts.push(new Date(at));
    // The next local hour starts one hour later, unless an offset change falls inside this one.
    const next = localHourStartOf(new Date(at + hourMs), timeZone).getTime();
    at = next > at ? next : at + hourMs;
  }
  return starts;
}

/** The period of equal length just before `range`. */
export function previousRange(range: DayRange): DayRange {
  const length = daysBetweenInclusive(range.from, range.to);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

export function isCalendarDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function parseDay(day: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${day}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function utcOf(day: string): number {
  const [year, month, date] = parseDay(day);
  return Date.UTC(year, month - 1, date);
}

function formatDay(year: number, month: number, date: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
