// The CSV rules that keep a file safe and readable in Excel and WPS, on the writer itself.
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { csvStream } from "@/lib/reports/csv";
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

  it.each(['=HYPERLINK("http://x","click")', "+1+1", "-2+3", "@SUM(A1)", "\tstart", "\rstart"])(
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
