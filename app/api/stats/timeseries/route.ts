// GET /api/stats/timeseries — one point per hour, day, week or month of the range, zeros included
import { route, searchParamsOf } from "@/lib/http/route";
import { getTimeseries } from "@/lib/analytics/timeseries";
import { timeseriesQuerySchema } from "@/lib/schemas/stats";

export const GET = route({ role: "viewer", account: "query" }, async (request) =>
  Response.json(await getTimeseries(timeseriesQuerySchema.parse(searchParamsOf(request)))),
);
