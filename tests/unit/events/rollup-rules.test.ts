// The one sum of rollup counts, used by the analytics (rollup-sums.ts, timeseries.ts) and the
// seed's replica of ingest (scripts/seed/ingest-replica.ts).
import { describe, expect, it } from "vitest";
import { addRollupDelta, emptyRollupDelta, rollupDeltaOf } from "@/lib/events/rules/rollup-rules";

describe("addRollupDelta", () => {
  it("adds each count to its own, and takes them off with sign -1", () => {
    const sums = emptyRollupDelta();

    addRollupDelta(sums, rollupDeltaOf({ type: "subscribe", scene: "1000" })!);
    addRollupDelta(sums, rollupDeltaOf({ type: "scan", scene: "1000" })!);
    addRollupDelta(sums, rollupDeltaOf({ type: "unsubscribe", scene: "1000" })!);
    expect(sums).toEqual({ scans: 2, follows: 1, unfollows: 1 });

    addRollupDelta(sums, { scans: 1, follows: 0, unfollows: 1 }, -1);
    expect(sums).toEqual({ scans: 1, follows: 1, unfollows: 0 });
  });
});
