import { describe, expect, it } from "vitest";
import { comparisonQueryOf, comparisonRangeOf } from "@/lib/time/comparison";
import { shiftMonths } from "@/lib/time/zone";

describe("shiftMonths", () => {
  it.each([
    ["2026-12-04", -1, "2026-11-04"],
    ["2026-01-15", -1, "2025-12-15"],
    ["2026-03-31", -1, "2026-02-28"],
    ["2024-03-30", -1, "2024-02-29"],
    ["2026-02-28", -1, "2026-01-31"],
    ["2024-02-29", -12, "2023-02-28"],
    ["2023-02-28", 12, "2024-02-29"],
    ["2026-04-30", -1, "2026-03-31"],
    ["2026-05-15", -12, "2025-05-15"],
    ["2026-11-30", 1, "2026-12-31"],
  ])("%s shifted by %i months is %s", (day, months, expected) => {
    expect(shiftMonths(day, months)).toBe(expected);
  });
});

describe("comparisonRangeOf", () => {
  const range = { from: "2026-11-01", to: "2026-11-30" };

  it("takes the period of equal length just before by default", () => {
    expect(comparisonRangeOf(range, { kind: "previousPeriod" })).toEqual({ from: "2026-10-02", to: "2026-10-31" });
  });

  it("maps a whole month to the whole month before, and to the same month last year", () => {
    expect(comparisonRangeOf(range, { kind: "previousMonth" })).toEqual({ from: "2026-10-01", to: "2026-10-31" });
    expect(comparisonRangeOf({ from: "2024-02-01", to: "2024-02-29" }, { kind: "previousYear" })).toEqual({
      from: "2023-02-01",
      to: "2023-02-28",
    });
  });

  it("shifts month-to-date to the same days of the month before", () => {
    expect(comparisonRangeOf({ from: "2026-12-01", to: "2026-12-04" }, { kind: "previousMonth" })).toEqual({
      from: "2026-11-01",
      to: "2026-11-04",
    });
  });

  it("uses a custom range as given", () => {
    const custom = { from: "2025-06-01", to: "2025-06-10" };
    expect(comparisonRangeOf(range, { kind: "custom", range: custom })).toEqual(custom);
  });

  it("asks the API for nothing extra for the default, so URLs and cache keys stay as they were", () => {
    expect(comparisonQueryOf({ kind: "previousPeriod" })).toEqual({});
    expect(comparisonQueryOf({ kind: "previousYear" })).toEqual({ compare: "previousYear" });
    expect(comparisonQueryOf({ kind: "custom", range: { from: "2025-06-01", to: "2025-06-10" } })).toEqual({
      compare: "custom",
      compareFrom: "2025-06-01",
      compareTo: "2025-06-10",
    });
  });
});
