// GET /api/stats/timeseries — one point per day of the range, zeros included
import { route, searchParamsOf } from "@/lib/http/route";
import { getTimeseries } from "@/lib/analytics/timeseries";
import { statsQuerySchema } from "@/lib/schemas/stats";

export const GET = route({ role: "viewer" }, async (request) => Response.json(await getTimeseries(statsQuerySchema.parse(searchParamsOf(request)))));
