// What a range's numbers are set against: the period of equal length just before it, the same
// days a month or a year earlier, or any range the marketer picks. One definition for the summary
// API, the chart's second line and the exports, in the browser and on the server.
import { previousRange, shiftMonths, type DayRange } from "@/lib/time/zone";

export const comparisonKinds = ["previousPeriod", "previousMonth", "previousYear", "custom"] as const;
export type ComparisonKind = (typeof comparisonKinds)[number];
export const defaultComparisonKind: ComparisonKind = "previousPeriod";

export type Comparison = { kind: Exclude<ComparisonKind, "custom"> } | { kind: "custom"; range: DayRange };

export const previousPeriod: Comparison = { kind: "previousPeriod" };

/** The range `range` is compared with. */
export function comparisonRangeOf(range: DayRange, comparison: Comparison): DayRange {
  switch (comparison.kind) {
    case "previousPeriod":
      return previousRange(range);
    case "previousMonth":
      return { from: shiftMonths(range.from, -1), to: shiftMonths(range.to, -1) };
    case "previousYear":
      return { from: shiftMonths(range.from, -12), to: shiftMonths(range.to, -12) };
    case "custom":
      return comparison.range;
  }
}

/**
 * The query parameters that ask for a comparison (the API's and the dashboard URL's): none for
 * the default, so its URLs and cache keys stay as they were.
 */
export function comparisonQueryOf(comparison: Comparison): {
  compare?: ComparisonKind;
  compareFrom?: string;
  compareTo?: string;
} {
  if (comparison.kind === "previousPeriod") return {};
  if (comparison.kind === "custom")
    return { compare: "custom", compareFrom: comparison.range.from, compareTo: comparison.range.to };
  return { compare: comparison.kind };
}
