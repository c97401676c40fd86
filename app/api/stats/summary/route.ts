// GET /api/stats/summary — totals for a date range in the account's zone, and the previous period
import { route, searchParamsOf } from "@/lib/http/route";
import { getSummary } from "@/lib/analytics/summary";
import { comparisonOf, summaryQuerySchema } from "@/lib/schemas/stats";

export const GET = route({ role: "viewer", account: "query" }, async (request) => {
  const query = summaryQuerySchema.parse(searchParamsOf(request));
  return Response.json(await getSummary(query, comparisonOf(query)));
});
