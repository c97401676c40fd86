// GET /api/stats/channels — per-channel counts, unique scanners and d1/d7/d30 retention for a range
import { route, searchParamsOf } from "@/lib/http/route";
import { getChannelStats } from "@/lib/analytics/channel-stats";
import { statsFilterSchema } from "@/lib/schemas/stats";

export const GET = route({ role: "viewer", account: "query" }, async (request) =>
  Response.json(await getChannelStats(statsFilterSchema.parse(searchParamsOf(request)))),
);
