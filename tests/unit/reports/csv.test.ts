// The CSV rules that keep a file safe and readable in Excel and WPS, on the writer itself.
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import Papa from "papaparse";
import { crlfLineEnds, csvStream, csvTextCell } from "@/lib/reports/csv";
import { column, type ReportSheet } from "@/lib/reports/table";
import { contentDisposition, reportFileName } from "@/lib/reports/download";

async function textOf(sheet: ReportSheet): Promise<string> {
  // ignoreBOM keeps the byte order mark in the text, where a plain .text() would strip it.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(csvStream(sheet)).arrayBuffer());
}

const columns = [column("Channel", "text"), column("Scans", "integer"), column("Retention day 1", "fraction")];

describe("the CSV writer", () => {
  it("starts with a BOM, ends rows with CRLF and leaves numbers unquoted", async () => {
    const text = await textOf({ name: "t", columns, batches: [[["门店 7", 12, 0.5]], [["Expo", -3, null]]] });
    expect(text).toBe("\uFEFFChannel,Scans,Retention day 1\r\n门店 7,12,0.5000\r\nExpo,-3,\r\n");
  });

  it("quotes commas, quotes and line breaks in names so a parser gets them back whole", async () => {
    const names = ['Poster, Store 12 "east"', "two\nlines", "carriage\rreturn", "plain"];
    const text = await textOf({ name: "t", columns, batches: [names.map((name) => [name, 1, null])] });
    const records: string[][] = parse(text.slice(1), { record_delimiter: "\r\n" });
    expect(records.slice(1).map((record) => record[0])).toEqual(names);
  });

  it.each(['=HYPERLINK("http://x","click")', "+1+1", "-2+3", "@SUM(A1)", "\tstart", "\rstart", "=1+1\nnext line"])(
    "never lets %j become a formula",
    async (name) => {
      const text = await textOf({ name: "t", columns, batches: [[[name, 1, null]]] });
      const [, record] = parse(text.slice(1), { record_delimiter: "\r\n" }) as string[][];
      expect(record![0]).toBe(`'${name}`);
    },
  );

  it("leaves ordinary text and negative numbers alone", async () => {
    const text = await textOf({
      name: "t",
      columns,
      batches: [
        [
          ["Store = best", -3, null],
          ["门店", 0, 0.25],
        ],
      ],
    });
    expect(text.split("\r\n").slice(1, 3)).toEqual(["Store = best,-3,", "门店,0,0.2500"]);
  });

  it("stops reading batches when the reader cancels", async () => {
    let batchesRead = 0;
    async function* batches() {
      for (;;) {
        batchesRead += 1;
        yield [["x", 1, null]];
      }
    }
    const reader = csvStream({ name: "t", columns, batches: batches() }).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    const readAtCancel = batchesRead;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(batchesRead).toBe(readAtCancel);
    expect(batchesRead).toBeLessThan(5);
  });
});

describe("a cell written on its own", () => {
  it("is exactly what the writer makes of it, for any text", () => {
    const risky = fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", '"', ",", " ", "\uFEFF", "a", "门");
    const texts = fc.oneof(
      fc.string(),
      fc.array(risky, { maxLength: 6 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const written = Papa.unparse([[text, "x"]], { newline: "\r\n", escapeFormulae: /^[=+\-@\t\r]/ });
        expect(`${csvTextCell(text)},x`).toBe(written);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("CRLF line ends for CSV written with LF (PostgreSQL's COPY)", () => {
  it("ends each record with CRLF and keeps line breaks inside cells, however the bytes are split", () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom("", "a\nb", '"', '""', "x,\ny", "\r\n", "门店\n"));
    const records = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(records, fc.array(fc.nat(), { maxLength: 5 }), (rows, cuts) => {
        const withLf = Buffer.from(
          stringify(rows, { record_delimiter: "unix", quoted_match: /[\r\n]/, quoted_empty: false }),
        );
        const expected = Buffer.from(
          stringify(rows, { record_delimiter: "windows", quoted_match: /[\r\n]/, quoted_empty: false }),
        );
        const points = [...new Set(cuts.map((cut) => cut % (withLf.length + 1)))].sort((a, b) => a - b);
        const rewrite = crlfLineEnds();
        const pieces = [0, ...points, withLf.length]
          .slice(1)
          .map((end, index, ends) => rewrite(withLf.subarray(index === 0 ? 0 : ends[index - 1], end)));
        expect(Buffer.concat(pieces).toString("utf8")).toBe(expected.toString("utf8"));
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("the file name", () => {
  it("keeps Chinese through RFC 6266 filename* with an ASCII fallback", () => {
    const name = reportFileName(["品牌号", "渠道", "2026-11-01_2026-11-30"], "xlsx");
    expect(name).toBe("品牌号-渠道-2026-11-01_2026-11-30.xlsx");
    const header = contentDisposition(name);
    expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe(name);
  });

  it("drops characters file systems refuse", () => {
    expect(reportFileName(['a/b\\c:d*e?"f<g>h|i'], "csv")).toBe("a-b-c-d-e-f-g-h-i.csv");
  });
});
