// The retention curve of the channels in scope: for each day 0–30 after the follow, the share of
// the range's follows (old enough) still following.
import { resolveScope } from "@/lib/analytics/scope";
import { getRetentionCurveForScope } from "@/lib/analytics/retention";
import { todayIn } from "@/lib/time/zone";
import type { RetentionCurve, StatsFilterQuery } from "@/lib/schemas/stats";

export async function getRetentionCurve(query: StatsFilterQuery, now = new Date()): Promise<RetentionCurve> {
  const scope = await resolveScope(query);
  return getRetentionCurveForScope(scope, { from: query.from, to: query.to }, todayIn(scope.timezone, now));
}
