// What the /api/reports routes share: the file name (account, report and range, in the header
// language) and the response.
import { findAccountRow } from "@/lib/accounts/account-records";
import { downloadResponse, reportFileName, type ReportFormat } from "@/lib/reports/download";
import type { CsvLinesSheet, ReportSheet } from "@/lib/reports/table";
import type { ReportLanguage } from "@/lib/schemas/reports";

const reportTitles = {
  channels: { en: "channels", zh: "渠道" },
  timeseries: { en: "trend", zh: "趋势" },
  workbook: { en: "report", zh: "报表" },
  events: { en: "events", zh: "原始事件" },
} as const;
export type ReportKind = keyof typeof reportTitles;

interface DownloadRequest {
  kind: ReportKind;
  accountId: string;
  from: string;
  to: string;
  lang: ReportLanguage;
  format: ReportFormat;
}

export async function reportDownload(
  request: DownloadRequest,
  sheets: (ReportSheet | CsvLinesSheet)[],
  signal?: AbortSignal,
): Promise<Response> {
  const account = await findAccountRow(request.accountId);
  const fileName = reportFileName(
    [account.name, reportTitles[request.kind][request.lang], `${request.from}_${request.to}`],
    request.format,
  );
  return downloadResponse(fileName, request.format, sheets, signal);
}
