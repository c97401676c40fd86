// Totals for a date range (inclusive, in the account's zone) and the range it is compared with
// (the period of equal length before it unless the query says otherwise).
import { resolveScope } from "@/lib/analytics/scope";
import { countsFromClasses, sumRollupClasses } from "@/lib/analytics/rollup-sums";
import { countUniqueScanners } from "@/lib/analytics/unique-scanners";
import { planRanges } from "@/lib/analytics/range-plan";
import { comparisonRangeOf, previousPeriod, type Comparison } from "@/lib/time/comparison";
import type { StatsFilterQuery, Summary } from "@/lib/schemas/stats";

export async function getSummary(query: StatsFilterQuery, comparison: Comparison = previousPeriod): Promise<Summary> {
  const scope = await resolveScope(query);
  const range = { from: query.from, to: query.to };
  const previous = comparisonRangeOf(range, comparison);
  const plans = await planRanges(scope.accountId, [range, previous]);
  const [currentSums, previousSums, [currentUniques = 0, previousUniques = 0]] = await Promise.all([
    sumRollupClasses(scope, plans[0]!),
    sumRollupClasses(scope, plans[1]!),
    countUniqueScanners(scope, [range, previous], plans),
  ]);
  return {
    ...countsFromClasses(currentSums, currentUniques),
    previous: countsFromClasses(previousSums, previousUniques),
    previousRange: previous,
  };
}
