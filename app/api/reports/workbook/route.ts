// GET /api/reports/workbook?format=xlsx — Summary, Channels, Channel × day and Definitions in one file
import { route, searchParamsOf } from "@/lib/http/route";
import { workbookReportQuerySchema } from "@/lib/schemas/reports";
import { workbookSheets } from "@/lib/reports/workbook-report";
import { reportDownload } from "@/lib/reports/report-download";

export const GET = route({ role: "viewer", account: "query" }, async (request) => {
  const query = workbookReportQuerySchema.parse(searchParamsOf(request));
  return reportDownload({ kind: "workbook", ...query }, await workbookSheets(query));
});
