// Days and hours as an account's time zone sees them. Instants are stored in UTC; a "day" is
// a calendar day in the account's IANA zone (DST and half-hour offsets included).
import { TZDate } from "@date-fns/tz";

/** YYYY-MM-DD of the instant in the zone. */
export function localDayOf(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone);
  return formatDay(local.getFullYear(), local.getMonth() + 1, local.getDate());
}

/** The UTC instant at which the local hour containing `instant` began. */
export function localHourStartOf(instant: Date, timeZone: string): Date {
  const local = new TZDate(instant.getTime(), timeZone);
  local.setMinutes(0, 0, 0);
  return new Date(local.getTime());
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
  const [fy, fm, fd] = parseDay(from);
  const [ty, tm, td] = parseDay(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000) + 1;
}

export function eachDay(from: string, to: string): string[] {
  const count = daysBetweenInclusive(from, to);
  return Array.from({ length: Math.max(count, 0) }, (_, index) => addDays(from, index));
}

function parseDay(day: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${day}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function formatDay(year: number, month: number, date: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}
