// GET /api/reports/channels?format=csv|xlsx — one row per channel: the rows of GET /api/stats/channels
import { route, searchParamsOf } from "@/lib/http/route";
import { channelsReportQuerySchema } from "@/lib/schemas/reports";
import { channelsSheet } from "@/lib/reports/channel-reports";
import { reportDownload } from "@/lib/reports/report-download";
import { reportLabels } from "@/lib/reports/labels";

export const GET = route({ role: "viewer", account: "query" }, async (request) => {
  const query = channelsReportQuerySchema.parse(searchParamsOf(request));
  const sheet = await channelsSheet(query, reportLabels(query.lang).sheet("channels"));
  return reportDownload({ kind: "channels", ...query }, [sheet]);
});
