// A report as both writers (CSV and XLSX) take it: typed columns, then rows of plain cells. The
// rows may arrive in batches (the raw events), so neither writer holds a whole report in memory.

/** How a cell is written: `fraction` is 0–1 (a percentage in Excel), `day` is YYYY-MM-DD. */
export type CellKind = "text" | "integer" | "fraction" | "day" | "instant";

export interface ReportColumn {
  header: string;
  kind: CellKind;
  /** Excel column width in characters. */
  width?: number;
}

export type Cell = string | number | null;

export interface ReportSheet {
  name: string;
  columns: ReportColumn[];
  /** Batches of rows, written in order. */
  batches: Iterable<Cell[][]> | AsyncIterable<Cell[][]>;
}

/**
 * A sheet whose rows arrive as CSV lines already written (UTF-8, CRLF, quoted and guarded as the
 * CSV writer would): the raw events, a million rows that PostgreSQL writes faster than any code
 * here could (lib/reports/event-reader.ts). Only the CSV writer takes it.
 */
export interface CsvLinesSheet {
  name: string;
  columns: ReportColumn[];
  csvLines: AsyncIterable<Uint8Array>;
}

export function column(header: string, kind: CellKind, width?: number): ReportColumn {
  const defaultWidth = kind === "text" ? 24 : kind === "instant" ? 26 : kind === "day" ? 12 : 14;
  return { header, kind, width: width ?? Math.max(defaultWidth, header.length + 2) };
}
