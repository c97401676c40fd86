// The response of every report download: an attachment whose file name keeps its Chinese
// (RFC 6266 filename*, with an ASCII fallback for old clients), never cached.
import { csvStream } from "@/lib/reports/csv";
import { xlsxStream } from "@/lib/reports/xlsx";
import type { CsvLinesSheet, ReportSheet } from "@/lib/reports/table";

const contentTypes = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
export type ReportFormat = keyof typeof contentTypes;

/** `attachment; filename="…"; filename*=UTF-8''…` for a name that may hold any characters. */
export function contentDisposition(fileName: string): string {
  const asciiFallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

/** e.g. 渠道报表-Brand号-2026-11-01_2026-11-30.xlsx; characters file systems refuse become "-". */
export function reportFileName(parts: string[], format: ReportFormat): string {
  const safe = parts.map((part) => part.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "-").trim()).filter(Boolean);
  return `${safe.join("-")}.${format}`;
}

function rowSheet(sheet: ReportSheet | CsvLinesSheet): ReportSheet {
  if ("csvLines" in sheet) throw new Error(`The ${sheet.name} sheet comes as CSV lines: it has no XLSX`);
  return sheet;
}

export function downloadResponse(
  fileName: string,
  format: ReportFormat,
  sheets: (ReportSheet | CsvLinesSheet)[],
  signal?: AbortSignal,
): Response {
  const body = format === "csv" ? csvStream(sheets[0]!, signal) : xlsxStream(sheets.map(rowSheet));
  return new Response(body, {
    headers: {
      "Content-Type": contentTypes[format],
      "Content-Disposition": contentDisposition(fileName),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
