// Totals for a date range (inclusive, in the account's zone) and the period of equal length before it.
import { resolveScope } from "@/lib/analytics/scope";
import { countsFromClasses, sumRollupClasses } from "@/lib/analytics/rollup-sums";
import { countUniqueScanners } from "@/lib/analytics/unique-scanners";
import { planRanges } from "@/lib/analytics/range-plan";
import { previousRange } from "@/lib/time/zone";
import type { StatsFilterQuery, Summary } from "@/lib/schemas/stats";

export async function getSummary(query: StatsFilterQuery): Promise<Summary> {
  const scope = await resolveScope(query);
  const range = { from: query.from, to: query.to };
  const previous = previousRange(range);
  const plans = await planRanges(scope.accountId, [range, previous]);
  const [currentSums, previousSums, [currentUniques = 0, previousUniques = 0]] = await Promise.all([
    sumRollupClasses(scope, plans[0]!),
    sumRollupClasses(scope, plans[1]!),
    countUniqueScanners(scope, [range, previous], plans),
  ]);
  return {
    ...countsFromClasses(currentSums, currentUniques),
    previous: countsFromClasses(previousSums, previousUniques),
  };
}
