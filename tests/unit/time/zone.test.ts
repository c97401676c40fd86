import { describe, expect, it } from "vitest";
import {
  dayBuckets,
  localDayOf,
  localHourStartOf,
  localHourStarts,
  previousRange,
  startOfLocalDay,
  startOfWeek,
  zoneCalendar,
} from "@/lib/time/zone";

const at = (iso: string) => new Date(iso);

describe("localHourStartOf", () => {
  it("keeps the two 01:00 hours apart when New York falls back", () => {
    expect(localHourStartOf(at("2024-11-03T05:30:00Z"), "America/New_York").toISOString()).toBe(
      "2024-11-03T05:00:00.000Z",
    ); // 01:30 EDT
    expect(localHourStartOf(at("2024-11-03T06:30:00Z"), "America/New_York").toISOString()).toBe(
      "2024-11-03T06:00:00.000Z",
    ); // 01:30 EST
  });

  it("starts Kolkata's hours at half past in UTC", () => {
    expect(localHourStartOf(at("2024-07-01T05:29:59Z"), "Asia/Kolkata").toISOString()).toBe("2024-07-01T04:30:00.000Z");
    expect(localHourStartOf(at("2024-07-01T05:30:00Z"), "Asia/Kolkata").toISOString()).toBe("2024-07-01T05:30:00.000Z");
  });
});

describe("local hours of a day", () => {
  it("has 23 hours when DST begins, 25 when it ends, 24 otherwise", () => {
    expect(localHourStarts({ from: "2024-03-10", to: "2024-03-10" }, "America/New_York")).toHaveLength(23);
    expect(localHourStarts({ from: "2024-11-03", to: "2024-11-03" }, "America/New_York")).toHaveLength(25);
    expect(localHourStarts({ from: "2024-11-04", to: "2024-11-04" }, "America/New_York")).toHaveLength(24);
    expect(localHourStarts({ from: "2024-02-01", to: "2024-02-02" }, "Asia/Shanghai")[0]!.toISOString()).toBe(
      "2024-01-31T16:00:00.000Z",
    );
  });
});

describe("days in a zone", () => {
  it("puts 23:59:59 and 00:00:00 local on different days", () => {
    expect(localDayOf(at("2024-01-31T15:59:59Z"), "Asia/Shanghai")).toBe("2024-01-31");
    expect(localDayOf(at("2024-01-31T16:00:00Z"), "Asia/Shanghai")).toBe("2024-02-01");
    expect(startOfLocalDay("2024-03-10", "America/New_York").toISOString()).toBe("2024-03-10T05:00:00.000Z");
  });

  it("answers the same through the cached calendar", () => {
    const calendar = zoneCalendar("America/New_York");
    for (let ms = Date.parse("2024-11-02T00:00:00Z"); ms < Date.parse("2024-11-05T00:00:00Z"); ms += 7 * 60_000) {
      expect(calendar.dayOf(ms)).toBe(localDayOf(new Date(ms), "America/New_York"));
      expect(calendar.hourStartOf(ms)).toBe(localHourStartOf(new Date(ms), "America/New_York").getTime());
    }
  });
});

describe("buckets", () => {
  it("starts weeks on Monday and clips the first and last to the range", () => {
    expect(startOfWeek("2024-05-05")).toBe("2024-04-29"); // a Sunday
    expect(dayBuckets({ from: "2024-05-01", to: "2024-05-14" }, "week")).toEqual([
      { from: "2024-05-01", to: "2024-05-05" },
      { from: "2024-05-06", to: "2024-05-12" },
      { from: "2024-05-13", to: "2024-05-14" },
    ]);
  });

  it("cuts months on calendar months, February of a leap year included", () => {
    expect(dayBuckets({ from: "2024-01-15", to: "2024-03-02" }, "month")).toEqual([
      { from: "2024-01-15", to: "2024-01-31" },
      { from: "2024-02-01", to: "2024-02-29" },
      { from: "2024-03-01", to: "2024-03-02" },
    ]);
  });

  it("takes the previous period of equal length", () => {
    expect(previousRange({ from: "2024-03-01", to: "2024-03-31" })).toEqual({ from: "2024-01-30", to: "2024-02-29" });
  });
});
