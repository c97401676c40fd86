// The raw events' CSV lines written on SQLite: each cell as the CSV writer would write it, the
// time in the account's zone however many rows share a minute, across a DST change.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { createEventLineWriter, type ExportedEvent } from "@/lib/reports/event-lines";
import { formatInstantInZone } from "@/lib/reports/zoned-time";

const sqliteText = (epochMs: number) => new Date(epochMs).toISOString().replace("Z", "+00:00");

describe("the raw events' lines", () => {
  it("write every time in the zone, rows sharing a minute or not", () => {
    const start = Date.parse("2024-11-03T05:58:00Z"); // New York leaves DST at 06:00 UTC
    const steps = fc.array(fc.integer({ min: 0, max: 90_000 }), { minLength: 1, maxLength: 200 });
    fc.assert(
      fc.property(steps, (gaps) => {
        let at = start;
        const instants = gaps.map((gap) => (at += gap));
        const write = createEventLineWriter("America/New_York", new Map());
        const rows: ExportedEvent[] = instants.map((instant) => [sqliteText(instant), "scan", null, "s", "o1"]);
        const text = new TextDecoder().decode(write(rows));
        const times = text
          .split("\r\n")
          .slice(0, -1)
          .map((line) => line.split(",")[0]);
        expect(times).toEqual(instants.map((instant) => formatInstantInZone(new Date(instant), "America/New_York")));
      }),
      { numRuns: 300 },
    );
  });

  it("quote, guard and name the cells as the CSV writer does", () => {
    const names = new Map([
      ["c1", 'Poster, Store 12 "east"'],
      ["c2", '=HYPERLINK("http://x","click")'],
    ]);
    const write = createEventLineWriter("Asia/Shanghai", names);
    const rows: ExportedEvent[] = [
      ["2024-02-01T01:02:03.000+00:00", "subscribe", "c1", "12", "oA"],
      ["2024-02-01T01:02:04.000+00:00", "scan", "c2", "-1", "o\nB"],
      ["2024-02-01T01:02:05.000+00:00", "unsubscribe", null, "", "oC"],
      ["2024-02-01T01:02:06.000+00:00", "scan", "gone", "x", "oD"],
    ];
    const text = new TextDecoder().decode(write(rows));
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parse(text, { record_delimiter: "\r\n" })).toEqual([
      ["2024-02-01T09:02:03+08:00", "subscribe", "c1", 'Poster, Store 12 "east"', "12", "oA"],
      ["2024-02-01T09:02:04+08:00", "scan", "c2", `'=HYPERLINK("http://x","click")`, "'-1", "o\nB"],
      ["2024-02-01T09:02:05+08:00", "unsubscribe", "", "", "", "oC"],
      ["2024-02-01T09:02:06+08:00", "scan", "gone", "", "x", "oD"],
    ]);
  });
});
