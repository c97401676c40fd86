// Reads an uploaded CSV or XLSX into rows of text cells, keyed by column. Headers may be English
// or Chinese (see importHeaderAliases); a CSV saved by Excel in China (GB18030) reads as well as UTF-8.
import Papa from "papaparse";
import { readSheet } from "read-excel-file/node";
import { AppError } from "@/lib/http/errors";
import { assertZipWithinLimits } from "@/lib/channels/import/zip-limits";
import {
  importColumns,
  importHeaderAliases,
  maxImportRows,
  type ImportColumn,
  type ImportFields,
  type ImportRow,
} from "@/lib/schemas/channel-import";

export interface ParsedImportFile {
  rows: ImportRow[];
  ignoredHeaders: string[];
}

const zipSignature = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const normaliseHeader = (header: string) =>
  header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-:：*]/g, "");
const columnByHeader = new Map<string, ImportColumn>(
  importColumns.flatMap((column) =>
    importHeaderAliases[column].map((alias) => [normaliseHeader(alias), column] as const),
  ),
);

export async function parseImportFile(bytes: Buffer, fileName: string): Promise<ParsedImportFile> {
  const isXlsx = bytes.subarray(0, 4).equals(zipSignature) || /\.xlsx$/i.test(fileName);
  const table = isXlsx ? await readXlsxTable(bytes) : readCsvTable(bytes);
  return rowsFromTable(table);
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

function readCsvTable(bytes: Buffer): string[][] {
  const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: false });
  const fatal = parsed.errors.find((error) => error.type === "Quotes");
  if (fatal)
    throw new AppError("validation_failed", `The CSV is malformed near row ${(fatal.row ?? 0) + 1}: ${fatal.message}`);
  return parsed.data;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  return String(value);
}

async function readXlsxTable(bytes: Buffer): Promise<string[][]> {
  assertZipWithinLimits(bytes);
  try {
    const data = await readSheet(bytes);
    return data.map((row) => row.map(cellText));
  } catch (error) {
    throw new AppError(
      "validation_failed",
      `The XLSX file could not be read${error instanceof Error ? `: ${error.message}` : ""}`,
    );
  }
}

function rowsFromTable(table: string[][]): ParsedImportFile {
  const headerIndex = table.findIndex((cells) => cells.some((cell) => cell.trim() !== ""));
  if (headerIndex < 0) throw new AppError("validation_failed", "The file is empty");
  const headers = table[headerIndex]!;
  const columns = headers.map((header) => columnByHeader.get(normaliseHeader(header)) ?? null);
  if (!columns.includes("name")) {
    throw new AppError(
      "validation_failed",
      `The file has no “name” column (the first row must hold the headers: ${importColumns.join(", ")})`,
    );
  }
  const ignoredHeaders = headers.filter((header, index) => header.trim() !== "" && columns[index] === null);
  const rows: ParsedImportFile["rows"] = [];
  for (let index = headerIndex + 1; index < table.length; index++) {
    const cells = table[index]!;
    if (cells.every((cell) => cell.trim() === "")) continue;
    const fields = Object.fromEntries(importColumns.map((column) => [column, ""])) as ImportFields;
    cells.forEach((cell, position) => {
      const column = columns[position];
      if (column && !fields[column]) fields[column] = cell.trim();
    });
    rows.push({ row: index + 1, fields });
    if (rows.length > maxImportRows)
      throw new AppError("validation_failed", `A file holds at most ${maxImportRows} rows: split it`);
  }
  if (rows.length === 0) throw new AppError("validation_failed", "The file has headers but no rows");
  return { rows, ignoredHeaders };
}
