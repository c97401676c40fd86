// The report downloads as an integration sees them: called through their route handlers with an
// API key, the bytes parsed back with a CSV parser and an XLSX reader into plain rows of strings
// and numbers.
import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { createApiKey } from "@/lib/auth/api-keys";
import { GET as channelsRoute } from "@/app/api/reports/channels/route";
import { GET as timeseriesRoute } from "@/app/api/reports/timeseries/route";
import { GET as workbookRoute } from "@/app/api/reports/workbook/route";
import { GET as eventsRoute } from "@/app/api/reports/events/route";
import { GET as eventsCountRoute } from "@/app/api/reports/events/count/route";

const routes = {
  channels: channelsRoute,
  timeseries: timeseriesRoute,
  workbook: workbookRoute,
  events: eventsRoute,
  "events/count": eventsCountRoute,
};
export type ReportResource = keyof typeof routes;

export type FileCell = string | number | null;
export interface ParsedSheet {
  name: string;
  header: string[];
  rows: FileCell[][];
}

export interface ReportDownload {
  status: number;
  headers: Headers;
  bytes: Buffer;
}

export async function createReportsApi(): Promise<{
  get(resource: ReportResource, params: Record<string, string | undefined>): Promise<ReportDownload>;
}> {
  const { key } = await createApiKey({ name: `reports-test-${randomBytes(3).toString("hex")}`, role: "viewer" });
  return {
    async get(resource, params) {
      const query = new URLSearchParams(
        Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
      );
      const request = new Request(`http://localhost/api/reports/${resource}?${query}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      const response = await routes[resource](request, { params: Promise.resolve({}) });
      return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
    },
  };
}

/**
 * CSV as a spreadsheet reads it: the BOM checked and dropped, numbers as numbers (but in
 * `textColumns`, e.g. a scene "12"), "" as null.
 */
export function parseCsvReport(bytes: Buffer, textColumns: number[] = []): ParsedSheet {
  const text = bytes.toString("utf8");
  if (!text.startsWith("\uFEFF")) throw new Error("the CSV has no byte order mark");
  const records: string[][] = parse(text.slice(1), { record_delimiter: "\r\n", relax_column_count: false });
  const [header = [], ...rows] = records;
  return {
    name: "csv",
    header,
    rows: rows.map((row) =>
      row.map((cell, index) =>
        cell === "" ? null : !textColumns.includes(index) && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell,
      ),
    ),
  };
}

function plainCell(value: ExcelJS.CellValue): FileCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number" || typeof value === "string") return value;
  return String(value);
}

export async function parseXlsxReport(bytes: Buffer): Promise<ParsedSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((worksheet) => {
    const rows: FileCell[][] = [];
    worksheet.eachRow((row) => {
      const values = row.values as ExcelJS.CellValue[];
      rows.push(Array.from({ length: worksheet.columnCount }, (_, index) => plainCell(values[index + 1] ?? null)));
    });
    const [header = [], ...body] = rows;
    return { name: worksheet.name, header: header.map(String), rows: body };
  });
}
