// Instants as ISO 8601 in an account's zone with its offset (2026-11-03T09:15:00+08:00). The raw
// events export writes a million of these: the zone's offset is looked up once per quarter hour
// of UTC (zones with :30 and :45 offsets change on those boundaries), the rest is arithmetic.
import { tzOffset } from "@date-fns/tz";

export function zonedInstantFormatter(timeZone: string): (instant: Date) => string {
  let cachedQuarter = Number.NaN;
  let cachedOffsetMinutes = 0;
  let cachedSuffix = "Z";
  return (instant) => {
    const epochMs = instant.getTime();
    const quarter = Math.floor(epochMs / 900_000);
    if (quarter !== cachedQuarter) {
      cachedQuarter = quarter;
      cachedOffsetMinutes = tzOffset(timeZone, instant);
      cachedSuffix = offsetSuffix(cachedOffsetMinutes);
    }
    // Shift by the offset and print as if UTC: the digits are the zone's wall clock.
    const wallClock = new Date(epochMs + cachedOffsetMinutes * 60_000).toISOString();
    return wallClock.slice(0, 19) + cachedSuffix;
  };
}

function offsetSuffix(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(offsetMinutes);
  const hours = String(Math.floor(absolute / 60)).padStart(2, "0");
  const minutes = String(absolute % 60).padStart(2, "0");
  return `${sign}${hours}:${minutes}`;
}

export function formatInstantInZone(instant: Date, timeZone: string): string {
  return zonedInstantFormatter(timeZone)(instant);
}
