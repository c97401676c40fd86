import { describe, expect, it } from "vitest";
import { interleavedRatios } from "@/scripts/bench/throughput-ratio";

describe("interleavedRatios", () => {
  it("compares each webhook run with the bare runs on either side of it, and reports the median", () => {
    // The machine slows down between runs: each ratio is taken against its own neighbours.
    const { ratios, median } = interleavedRatios([1000, 1200, 800, 1000], [660, 500, 540]);
    expect(ratios.map((ratio) => Number(ratio.toFixed(3)))).toEqual([0.6, 0.5, 0.6]);
    expect(median).toBeCloseTo(0.6);
  });

  it("takes the mean of the middle two ratios for an even number of runs", () => {
    expect(interleavedRatios([100, 100, 100], [50, 70]).median).toBeCloseTo(0.6);
  });

  it("refuses runs that were not taken in turn", () => {
    expect(() => interleavedRatios([1000, 1000], [600, 600])).toThrow(/in turn/);
    expect(() => interleavedRatios([1000], [])).toThrow(/in turn/);
  });
});
