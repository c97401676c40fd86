// GET /api/reports/timeseries?format=csv|xlsx&interval=day|week|month[&perChannel=true] — a row per bucket (and channel)
import { route, searchParamsOf } from "@/lib/http/route";
import { timeseriesReportQuerySchema } from "@/lib/schemas/reports";
import { timeseriesSheet } from "@/lib/reports/channel-reports";
import { reportDownload } from "@/lib/reports/report-download";
import { reportLabels } from "@/lib/reports/labels";

export const GET = route({ role: "viewer", account: "query" }, async (request) => {
  const query = timeseriesReportQuerySchema.parse(searchParamsOf(request));
  const sheet = await timeseriesSheet(query, reportLabels(query.lang).sheet("channelDays"));
  return reportDownload({ kind: "timeseries", ...query }, [sheet]);
});
