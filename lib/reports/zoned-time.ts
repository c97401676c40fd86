// Instants as ISO 8601 in an account's zone with its offset (2026-11-03T09:15:00+08:00). The raw
// events export writes a million of these, so the work per row is arithmetic: the zone's offset is
// looked up once per quarter hour of UTC (zones with :30 and :45 offsets change on those
// boundaries), the date text once per local day, the time from two-digit strings.
import { tzOffset } from "@date-fns/tz";

const dayMs = 86_400_000;
const twoDigits = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, "0"));

export function zonedInstantFormatter(timeZone: string): (instant: Date | number) => string {
  let cachedQuarter = Number.NaN;
  let offsetMs = 0;
  let suffix = "Z";
  let cachedDay = Number.NaN;
  let dayText = "";
  return (instant) => {
    const epochMs = typeof instant === "number" ? instant : instant.getTime();
    const quarter = Math.floor(epochMs / 900_000);
    if (quarter !== cachedQuarter) {
      cachedQuarter = quarter;
      const offsetMinutes = tzOffset(timeZone, new Date(epochMs));
      offsetMs = offsetMinutes * 60_000;
      suffix = offsetSuffix(offsetMinutes);
    }
    // The zone's wall clock, as if it were UTC.
    const wallMs = epochMs + offsetMs;
    const day = Math.floor(wallMs / dayMs);
    if (day !== cachedDay) {
      cachedDay = day;
      dayText = new Date(day * dayMs).toISOString().slice(0, 10);
    }
    const seconds = Math.floor((wallMs - day * dayMs) / 1000);
    const hours = Math.floor(seconds / 3600);
    const minutes = Math.floor((seconds % 3600) / 60);
    return `${dayText}T${twoDigits[hours]}:${twoDigits[minutes]}:${twoDigits[seconds % 60]}${suffix}`;
  };
}

/** "+08:00", "-04:00", "+05:45": an offset as ISO 8601 writes it. */
export function offsetSuffix(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${twoDigits[Math.floor(absolute / 60)]}:${twoDigits[absolute % 60]}`;
}

export function formatInstantInZone(instant: Date, timeZone: string): string {
  return zonedInstantFormatter(timeZone)(instant);
}

/**
 * Epoch milliseconds of a UTC timestamp as the databases send it, "2026-11-03T01:15:00.123+00:00"
 * (SQLite) or "2026-11-03 01:15:00.12" (PostgreSQL, which drops a fraction's trailing zeros):
 * read by position, several times faster than Date.parse.
 */
export function parseUtcTimestamp(text: string): number {
  let milliseconds = 0;
  if (text.charCodeAt(19) === 46 /* "." */) {
    for (let index = 20, weight = 100; weight >= 1; index += 1, weight /= 10) {
      const digit = text.charCodeAt(index) - 48;
      if (!(digit >= 0 && digit <= 9)) break;
      milliseconds += digit * weight;
    }
  }
  return Date.UTC(
    digitsAt(text, 0, 4),
    digitsAt(text, 5, 2) - 1,
    digitsAt(text, 8, 2),
    digitsAt(text, 11, 2),
    digitsAt(text, 14, 2),
    digitsAt(text, 17, 2),
    milliseconds,
  );
}

function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let index = start; index < start + length; index += 1) value = value * 10 + text.charCodeAt(index) - 48;
  return value;
}

/** From `fromMs` on (to the next span's start), the zone's offset is `offsetMinutes`. */
export interface OffsetSpan {
  fromMs: number;
  offsetMinutes: number;
}

/** Offsets are sampled this far apart: zones change theirs months apart, never twice in hours. */
const offsetSampleMs = 6 * 3_600_000;

/**
 * The zone's offsets over [startMs, endMs), each from the millisecond it takes effect: what a
 * database without the zone's rules (or with rules of its own) needs to write local times that
 * agree with this runtime's. A year is a few hundred lookups, and a change is found by bisection.
 */
export function zoneOffsetSpans(timeZone: string, startMs: number, endMs: number): OffsetSpan[] {
  const offsetAt = (epochMs: number) => tzOffset(timeZone, new Date(epochMs));
  const spans: OffsetSpan[] = [{ fromMs: startMs, offsetMinutes: offsetAt(startMs) }];
  for (let sampleMs = startMs; sampleMs < endMs - 1;) {
    const nextMs = Math.min(sampleMs + offsetSampleMs, endMs - 1);
    const current = spans.at(-1)!.offsetMinutes;
    if (offsetAt(nextMs) === current) {
      sampleMs = nextMs;
      continue;
    }
    // The offset at low is the current one, at high it is not: close in on the change.
    let [low, high] = [sampleMs, nextMs];
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (offsetAt(middle) === current) low = middle;
      else high = middle;
    }
    spans.push({ fromMs: high, offsetMinutes: offsetAt(high) });
    sampleMs = high;
  }
  return spans;
}
