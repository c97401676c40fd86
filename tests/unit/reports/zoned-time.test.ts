// The raw events' times: ISO 8601 in the account's zone with its offset, across DST changes and
// half-hour zones, and the databases' timestamps read back exactly.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { tzOffset } from "@date-fns/tz";
import {
  formatInstantInZone,
  parseUtcTimestamp,
  zonedInstantFormatter,
  zoneOffsetSpans,
} from "@/lib/reports/zoned-time";

describe("zoned instants", () => {
  it.each([
    ["2024-01-31T15:59:59.000Z", "Asia/Shanghai", "2024-01-31T23:59:59+08:00"],
    ["2024-01-31T16:00:00.000Z", "Asia/Shanghai", "2024-02-01T00:00:00+08:00"],
    ["2024-11-03T05:30:00.000Z", "America/New_York", "2024-11-03T01:30:00-04:00"],
    ["2024-11-03T06:30:00.000Z", "America/New_York", "2024-11-03T01:30:00-05:00"],
    ["2024-03-10T07:00:00.000Z", "America/New_York", "2024-03-10T03:00:00-04:00"],
    ["2024-06-30T18:30:00.000Z", "Asia/Kolkata", "2024-07-01T00:00:00+05:30"],
    ["2024-06-30T18:29:59.000Z", "Asia/Kolkata", "2024-06-30T23:59:59+05:30"],
  ])("%s in %s is %s", (utc, zone, expected) => {
    expect(formatInstantInZone(new Date(utc), zone)).toBe(expected);
  });

  it("agrees with Intl for any instant, in order or not, in zones with DST and odd offsets", () => {
    for (const zone of ["America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Europe/London"]) {
      const format = zonedInstantFormatter(zone);
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (epochMs) => {
          const instant = new Date(Math.floor(epochMs / 1000) * 1000);
          const text = format(instant);
          expect(Date.parse(text)).toBe(instant.getTime());
          const wall = new Intl.DateTimeFormat("sv-SE", {
            timeZone: zone,
            year: "numeric",
            month: "2-digit",
            day: "2-digit",
            hour: "2-digit",
            minute: "2-digit",
            second: "2-digit",
            hourCycle: "h23",
          })
            .format(instant)
            .replace(" ", "T");
          expect(text.slice(0, 19)).toBe(wall);
        }),
        { numRuns: 400 },
      );
    }
  });

  it("reads the databases' timestamps exactly", () => {
    expect(parseUtcTimestamp("2026-11-03T01:15:00.123+00:00")).toBe(Date.parse("2026-11-03T01:15:00.123Z"));
    expect(parseUtcTimestamp("2026-11-03 01:15:00.12")).toBe(Date.parse("2026-11-03T01:15:00.120Z"));
    expect(parseUtcTimestamp("2026-11-03 01:15:00.1")).toBe(Date.parse("2026-11-03T01:15:00.100Z"));
    expect(parseUtcTimestamp("2026-11-03 01:15:07")).toBe(Date.parse("2026-11-03T01:15:07Z"));
  });

  it("finds each offset change of a range to the millisecond", () => {
    const start = Date.parse("2024-01-01T05:00:00Z");
    const end = Date.parse("2025-01-01T05:00:00Z");
    expect(zoneOffsetSpans("America/New_York", start, end)).toEqual([
      { fromMs: start, offsetMinutes: -300 },
      { fromMs: Date.parse("2024-03-10T07:00:00Z"), offsetMinutes: -240 },
      { fromMs: Date.parse("2024-11-03T06:00:00Z"), offsetMinutes: -300 },
    ]);
    expect(zoneOffsetSpans("Asia/Shanghai", start, end)).toEqual([{ fromMs: start, offsetMinutes: 480 }]);
  });

  it("gives every instant of the range its zone's offset, in zones with DST and odd offsets", () => {
    for (const zone of [
      "America/New_York",
      "Australia/Lord_Howe",
      "Asia/Kathmandu",
      "Europe/London",
      "America/St_Johns",
    ]) {
      const start = Date.UTC(2023, 5, 1);
      const spans = zoneOffsetSpans(zone, start, start + 400 * 86_400_000);
      fc.assert(
        fc.property(fc.integer({ min: start, max: start + 400 * 86_400_000 - 1 }), (epochMs) => {
          const span = spans.findLast((candidate) => candidate.fromMs <= epochMs)!;
          expect(span.offsetMinutes).toBe(tzOffset(zone, new Date(epochMs)));
        }),
        { numRuns: 500 },
      );
    }
  });
});
