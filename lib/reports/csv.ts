// CSV as Excel and WPS open it: UTF-8 with a BOM (or Chinese turns to mojibake), RFC 4180 quoting,
// CRLF, numbers unquoted, and no cell that a spreadsheet would run as a formula.
import { stringify } from "csv-stringify/sync";
import type { Cell, ReportColumn, ReportSheet } from "@/lib/reports/table";

const byteOrderMark = "\uFEFF";

/**
 * A text cell that begins with =, +, -, @, tab or CR is a formula to Excel and WPS (a channel named
 * `=HYPERLINK(…)` would become a link): a leading apostrophe makes it text again (OWASP's advice).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell as the CSV carries it: fractions with 4 decimals, empty for "not measurable". */
export function csvCell(value: Cell, column: ReportColumn): string | number {
  if (value === null) return "";
  if (column.kind === "fraction" && typeof value === "number") return value.toFixed(4);
  if (typeof value === "number") return value;
  return column.kind === "text" ? neutraliseFormula(value) : value;
}

export function csvLines(rows: Cell[][], columns: ReportColumn[]): string {
  return stringify(
    rows.map((row) => row.map((value, index) => csvCell(value, columns[index]!))),
    { record_delimiter: "windows", quoted_match: /[\r\n]/ },
  );
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
          const header = stringify([sheet.columns.map((column) => neutraliseFormula(column.header))], {
            record_delimiter: "windows",
          });
          controller.enqueue(encoder.encode(byteOrderMark + header));
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
