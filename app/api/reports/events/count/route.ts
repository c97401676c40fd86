// GET /api/reports/events/count — how many rows the raw events export of the same query will have
// (the builder's progress bar asks first).
import { route, searchParamsOf } from "@/lib/http/route";
import { eventsCountQuerySchema } from "@/lib/schemas/reports";
import { countReportEvents } from "@/lib/reports/events-report";

export const GET = route({ role: "viewer", account: "query" }, async (request) =>
  Response.json({ count: await countReportEvents(eventsCountQuerySchema.parse(searchParamsOf(request))) }),
);
