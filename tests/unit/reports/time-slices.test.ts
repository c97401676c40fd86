import { describe, expect, it } from "vitest";
import { timeSlices } from "@/lib/reports/event-reader";

describe("timeSlices", () => {
  it("cuts a range into contiguous spans of equal time that cover it exactly", () => {
    const start = new Date("2026-01-01T00:00:00.000Z");
    const end = new Date("2027-01-01T00:00:00.000Z");
    const slices = timeSlices(start, end, 32);
    expect(slices).toHaveLength(32);
    expect(slices[0]!.start).toEqual(start);
    expect(slices.at(-1)!.end).toEqual(end);
    slices.slice(1).forEach((slice, index) => expect(slice.start).toEqual(slices[index]!.end));
    const lengths = slices.map((slice) => slice.end.getTime() - slice.start.getTime());
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
  });

  it("leaves out empty spans when the range has fewer milliseconds than slices", () => {
    const start = new Date("2026-01-01T00:00:00.000Z");
    const slices = timeSlices(start, new Date(start.getTime() + 3), 32);
    expect(
      slices.map((slice) => [slice.start.getTime() - start.getTime(), slice.end.getTime() - start.getTime()]),
    ).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it("gives no slice for an empty range", () => {
    const start = new Date("2026-01-01T00:00:00.000Z");
    expect(timeSlices(start, start, 32)).toEqual([]);
  });
});
