// GET /api/reports/events?format=csv — every raw event of the range, oldest first, streamed: the
// first bytes leave at once, and when the client goes away the reading stops (request.signal).
import { route, searchParamsOf } from "@/lib/http/route";
import { eventsReportQuerySchema } from "@/lib/schemas/reports";
import { eventsSheet } from "@/lib/reports/events-report";
import { reportDownload } from "@/lib/reports/report-download";

export const GET = route({ role: "viewer", account: "query" }, async (request) => {
  const query = eventsReportQuerySchema.parse(searchParamsOf(request));
  return reportDownload({ kind: "events", ...query }, [await eventsSheet(query)], request.signal);
});
