// GET /api/stats/retention — the retention curve (day 0 to 30) of the range's follows
import { route, searchParamsOf } from "@/lib/http/route";
import { getRetentionCurve } from "@/lib/analytics/retention-curve";
import { statsFilterSchema } from "@/lib/schemas/stats";

export const GET = route({ role: "viewer", account: "query" }, async (request) =>
  Response.json(await getRetentionCurve(statsFilterSchema.parse(searchParamsOf(request)))),
);
