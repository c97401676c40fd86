// The file a marketer downloads to fill in: every column, with two example rows, in English or
// Chinese headers. The CSV starts with a BOM so Excel opens the Chinese text correctly.
import Papa from "papaparse";
import writeXlsxFile from "write-excel-file/node";
import { importColumns, importHeaderAliases } from "@/lib/schemas/channel-import";

export interface ImportTemplate {
  body: Buffer;
  contentType: string;
  fileName: string;
}

const englishHeaders = importColumns.map((column) => importHeaderAliases[column][0]!);
const chineseHeaders = importColumns.map((column) =>
  importHeaderAliases[column].find((alias) => /[\u4e00-\u9fff]/.test(alias))!,
);

const examples = {
  en: [
    [
      "Poster — Store 12",
      "Spring 2025",
      "poster, beijing",
      "permanent",
      "",
      "",
      "Welcome! Show this message at the counter for a gift.",
      "store-12",
      "Entrance, left side",
    ],
    ["KOL — Lily", "KOL", "kol", "temporary", "lily-2025", "7", "", "kol-lily", ""],
  ],
  zh: [
    [
      "海报 — 12 号门店",
      "2025 春季",
      "海报, 北京",
      "永久",
      "",
      "",
      "欢迎关注！到店出示本消息可领取礼品。",
      "门店12",
      "入口左侧",
    ],
    ["达人 — Lily", "达人合作", "达人", "临时", "lily-2025", "7", "", "达人Lily", ""],
  ],
} as const;

export async function buildImportTemplate(format: "csv" | "xlsx", locale: "en" | "zh"): Promise<ImportTemplate> {
  const headers = locale === "zh" ? chineseHeaders : englishHeaders;
  const rows = examples[locale].map((row) => [...row]);
  const fileName = `qudao-channels-template.${format}`;
  if (format === "csv") {
    return {
      body: Buffer.from(`\uFEFF${Papa.unparse([headers, ...rows])}\r\n`, "utf8"),
      contentType: "text/csv; charset=utf-8",
      fileName,
    };
  }
  const sheet = [
    headers.map((value) => ({ value, fontWeight: "bold" as const })),
    ...rows.map((row) => row.map((value) => ({ value, type: String }))),
  ];
  const body = await writeXlsxFile(sheet, {
    columns: headers.map((_, index) => ({ width: index === 6 ? 48 : 20 })),
  }).toBuffer();
  return { body, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName };
}
