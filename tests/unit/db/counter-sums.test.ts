import { describe, expect, it } from "vitest";
import { CounterSums } from "@/lib/db/ingest/counter-sums";

describe("CounterSums", () => {
  it("sums additions to one row and writes each table's rows in key order", () => {
    const sums = new CounterSums();
    sums.add("ScannerDayTotal", [
      { key: { accountId: "a", scene: "z", day: "2026-11-24" }, counters: { scanners: 1 } },
    ]);
    sums.add("RollupDay", [{ key: { accountId: "a", scene: "s", day: "2026-11-24" }, counters: { scans: 1 } }]);
    sums.add("ScannerDayTotal", [
      { key: { accountId: "a", scene: "", day: "2026-11-24" }, counters: { scanners: 1, firstTimeScanners: 1 } },
      { key: { accountId: "a", scene: "z", day: "2026-11-24" }, counters: { scanners: 1, firstTimeScanners: 1 } },
    ]);
    const { upserts, deletions } = sums.takeWrites();
    expect(deletions).toEqual([]);
    // Tables in one order (RollupDay first), rows by key: every group locks them in that order.
    expect(upserts.map((write) => write.sql.match(/INSERT INTO "(\w+)"/)![1])).toEqual([
      "RollupDay",
      "ScannerDayTotal",
    ]);
    expect(upserts[0]!.values).toEqual(["a", "s", "2026-11-24", 1, 0, 0, 0, 0, 0, 0]);
    expect(upserts[1]!.values).toEqual(["a", "", "2026-11-24", 1, 1, "a", "z", "2026-11-24", 2, 1]);
    expect(sums.takeWrites()).toEqual({ upserts: [], deletions: [] });
  });

  it("deletes the returns it took down, once they reach zero", () => {
    const sums = new CounterSums();
    sums.add("ScannerReturn", [
      { key: { accountId: "a", scene: "s", day: "2026-11-24", previousDay: "2026-11-20" }, counters: { scanners: -1 } },
    ]);
    sums.add("ScannerDayTotal", [
      { key: { accountId: "a", scene: "s", day: "2026-11-24" }, counters: { firstTimeScanners: -1 } },
    ]);
    const { deletions } = sums.takeWrites();
    expect(deletions).toHaveLength(1);
    expect(deletions[0]!.sql).toMatch(/^DELETE FROM "ScannerReturn" WHERE "scanners" = 0 AND/);
  });

  it("absorbs another transaction's sums, row by row, and leaves it empty", () => {
    const group = new CounterSums();
    const push = new CounterSums();
    const today = { accountId: "a", scene: "", day: "2026-11-24" };
    const returnKey = { accountId: "a", scene: "s", day: "2026-11-24", previousDay: "2026-11-20" };
    group.add("ScannerDayTotal", [{ key: today, counters: { scanners: 1, firstTimeScanners: 1 } }]);
    group.add("ScannerReturn", [{ key: returnKey, counters: { scanners: 1 } }]);
    push.add("ScannerDayTotal", [{ key: today, counters: { scanners: 1 } }]);
    push.add("ScannerReturn", [{ key: returnKey, counters: { scanners: -1 } }]);
    push.add("RollupDay", [{ key: { accountId: "a", scene: "s", day: "2026-11-24" }, counters: { scans: 1 } }]);
    group.absorb(push);
    expect(push.takeWrites()).toEqual({ upserts: [], deletions: [] });
    const { upserts, deletions } = group.takeWrites();
    expect(upserts.map((write) => write.values)).toEqual([
      ["a", "s", "2026-11-24", 1, 0, 0, 0, 0, 0, 0],
      ["a", "", "2026-11-24", 2, 1],
      ["a", "s", "2026-11-24", "2026-11-20", 0],
    ]);
    // The return went down in the absorbed sums: the row at zero is deleted.
    expect(deletions).toHaveLength(1);
  });

  it("forgets a rolled-back transaction's sums", () => {
    const sums = new CounterSums();
    sums.add("RollupDay", [{ key: { accountId: "a", scene: "s", day: "2026-11-24" }, counters: { scans: 1 } }]);
    sums.clear();
    expect(sums.takeWrites()).toEqual({ upserts: [], deletions: [] });
  });

  it("refuses a counter the table does not have, or a key without all its columns", () => {
    const sums = new CounterSums();
    expect(() =>
      sums.add("RollupHour", [
        { key: { accountId: "a", scene: "s", hourStart: new Date(0) }, counters: { keptDay1: 1 } },
      ]),
    ).toThrow(/no counter keptDay1/);
    expect(() => sums.add("RollupDay", [{ key: { accountId: "a", scene: "s" }, counters: { scans: 1 } }])).toThrow(
      /needs its day/,
    );
  });
});
