// CSV as Excel and WPS open it: UTF-8 with a BOM (or Chinese turns to mojibake), RFC 4180 quoting
// (commas, quotes, CR and LF inside a cell), CRLF, numbers unquoted, and no cell a spreadsheet
// would run as a formula: papaparse's escapeFormulae prefixes any text cell that begins with =, +,
// -, @, tab or CR with an apostrophe (OWASP's advice), so a channel named `=HYPERLINK(…)` stays text.
// papaparse over csv-stringify: 830 000 rows/s against 350 000 on the raw events' rows.
import Papa from "papaparse";
import type { Cell, ReportColumn, ReportSheet } from "@/lib/reports/table";

const byteOrderMark = "\uFEFF";
const lineEnd = "\r\n";

/** One cell as the CSV carries it: fractions with 4 decimals, empty for "not measurable". */
function csvCell(value: Cell, column: ReportColumn): string | number {
  if (value === null) return "";
  if (column.kind === "fraction" && typeof value === "number") return value.toFixed(4);
  return value;
}

/** Rows as CSV lines, each ending in CRLF. */
export function csvLines(rows: Cell[][], columns: ReportColumn[]): string {
  // Only fractions need rewriting (null is written empty as it is): the raw events' rows go as read.
  const hasFractions = columns.some((column) => column.kind === "fraction");
  const cells = hasFractions ? rows.map((row) => row.map((value, index) => csvCell(value, columns[index]!))) : rows;
  return Papa.unparse(cells, { newline: lineEnd, escapeFormulae: true, header: false }) + lineEnd;
}

/** The whole file as a stream: BOM and header first, then each batch as it is read. */
export function csvStream(sheet: ReportSheet, signal?: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = toAsyncIterator(sheet.batches);
  let isHeaderSent = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!isHeaderSent) {
          isHeaderSent = true;
          const header = Papa.unparse([sheet.columns.map((column) => column.header)], { newline: lineEnd });
          controller.enqueue(encoder.encode(byteOrderMark + header + lineEnd));
          return;
        }
        if (signal?.aborted) {
          await batches.return?.();
          controller.close();
          return;
        }
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        if (next.value.length > 0) controller.enqueue(encoder.encode(csvLines(next.value, sheet.columns)));
      },
      async cancel() {
        // The client went away: stop reading the database.
        await batches.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

function toAsyncIterator<T>(iterable: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in iterable) return iterable[Symbol.asyncIterator]();
  const iterator = iterable[Symbol.iterator]();
  return {
    next: async () => iterator.next(),
    return: async () => iterator.return?.() ?? { done: true, value: undefined },
  };
}
