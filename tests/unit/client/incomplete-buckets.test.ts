import { describe, expect, it } from "vitest";
import { firstIncompleteBucket } from "@/lib/client/incomplete-buckets";

describe("firstIncompleteBucket", () => {
  const days = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, index) => ({
      start: `2026-11-${String(from + index).padStart(2, "0")}`,
    }));

  it("marks today and the days after it in a range that reaches past today", () => {
    expect(firstIncompleteBucket(days(1, 30), "day", "2026-11-24")).toBe(23);
    expect(firstIncompleteBucket(days(1, 23), "day", "2026-11-24")).toBeNull();
    expect(firstIncompleteBucket(days(24, 24), "day", "2026-11-24")).toBe(0);
  });

  it("marks a week still under way, or one the range ends before its Sunday", () => {
    // Mondays 2026-11-02, 09, 16, 23; the range ends on Tuesday the 24th.
    const weeks = [
      { start: "2026-10-28", end: "2026-11-01" },
      { start: "2026-11-02" },
      { start: "2026-11-09" },
      { start: "2026-11-16" },
      { start: "2026-11-23", end: "2026-11-24" },
    ];
    expect(firstIncompleteBucket(weeks, "week", "2026-11-24")).toBe(4);
    // Last month's range, seen later: its last week is whole only if it reached Sunday.
    expect(firstIncompleteBucket(weeks, "week", "2026-12-20")).toBe(4);
    expect(
      firstIncompleteBucket(
        [{ start: "2026-11-16" }, { start: "2026-11-23", end: "2026-11-29" }],
        "week",
        "2026-12-20",
      ),
    ).toBeNull();
  });

  it("marks a month still under way, or one the range ends before its last day", () => {
    expect(
      firstIncompleteBucket(
        [{ start: "2026-10-01" }, { start: "2026-11-01", end: "2026-11-24" }],
        "month",
        "2026-11-24",
      ),
    ).toBe(1);
    expect(
      firstIncompleteBucket(
        [{ start: "2026-09-01" }, { start: "2026-10-01", end: "2026-10-15" }],
        "month",
        "2026-11-24",
      ),
    ).toBe(1);
    expect(
      firstIncompleteBucket(
        [{ start: "2026-09-01" }, { start: "2026-10-01", end: "2026-10-31" }],
        "month",
        "2026-11-24",
      ),
    ).toBeNull();
  });

  it("marks the hour under way and the hours after it", () => {
    const hours = Array.from({ length: 24 }, (_, hour) => ({
      start: new Date(Date.UTC(2026, 10, 24, hour) - 8 * 3_600_000).toISOString(),
    }));
    // 14:30 in Shanghai: the hour that began at 14:00 is index 14.
    expect(firstIncompleteBucket(hours, "hour", "2026-11-24", new Date("2026-11-24T06:30:00Z"))).toBe(14);
    expect(firstIncompleteBucket(hours, "hour", "2026-11-25", new Date("2026-11-25T06:30:00Z"))).toBeNull();
  });
});
