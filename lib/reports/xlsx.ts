// XLSX through exceljs' streaming WorkbookWriter: each row is committed as it is written, so a
// workbook of hundreds of thousands of rows never sits in memory as cell objects. Every sheet has
// a bold, frozen header row with an autofilter, column widths and number formats.
import ExcelJS from "exceljs";
import { PassThrough, Readable } from "node:stream";
import type { Cell, CellKind, ReportColumn, ReportSheet } from "@/lib/reports/table";
import { log } from "@/lib/log";

const numberFormats: Record<CellKind, string | undefined> = {
  text: undefined,
  integer: "#,##0",
  fraction: "0.0%",
  day: "yyyy-mm-dd",
  instant: undefined,
};

function xlsxCell(value: Cell, column: ReportColumn): ExcelJS.CellValue {
  if (value === null) return null;
  // A calendar day as Excel's date (days carry no zone: midnight UTC is that day's serial number).
  if (column.kind === "day" && typeof value === "string") return new Date(`${value}T00:00:00Z`);
  return value;
}

async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ReportSheet): Promise<void> {
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column, index) => ({
    header: column.header,
    key: String(index),
    width: column.width,
    style: numberFormats[column.kind] ? { numFmt: numberFormats[column.kind] } : {},
  }));
  worksheet.getRow(1).font = { bold: true };
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  for await (const batch of sheet.batches) {
    for (const row of batch)
      worksheet.addRow(row.map((value, index) => xlsxCell(value, sheet.columns[index]!))).commit();
  }
  worksheet.commit();
}

/** The workbook as a stream of bytes, sheets in the order given. */
export function xlsxStream(sheets: ReportSheet[]): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  void (async () => {
    for (const sheet of sheets) await writeSheet(workbook, sheet);
    await workbook.commit();
  })().catch((error: unknown) => {
    log.error({ err: error }, "xlsx report failed");
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
