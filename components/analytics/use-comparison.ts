"use client";
// The range a view's numbers are compared with, and how to say so: "vs same period last year" under
// a KPI, "Same period last year · Dec 1 – 30, 2025" beside the chart's dashed line.
import { useTranslations } from "next-intl";
import { rangeLength } from "@/lib/client/date-range";
import { comparisonQueryOf, comparisonRangeOf } from "@/lib/time/comparison";
import { useRangeLabel } from "@/components/analytics/use-range-label";
import type { StatsParams } from "@/components/analytics/use-stats-params";

export function useComparison(params: Pick<StatsParams, "range" | "comparison">, timeZone: string) {
  const t = useTranslations("analytics.comparison");
  const range = comparisonRangeOf(params.range, params.comparison);
  const dates = useRangeLabel({ preset: "custom", range }, timeZone);
  const kind = params.comparison.kind;
  return {
    range,
    /** The API's parameters for it (none for the default). */
    query: comparisonQueryOf(params.comparison),
    /** Under a KPI's change. */
    versus: t(`versus.${kind}`, { days: rangeLength(params.range), range: dates }),
    /** Its name: "Same period last year", or the dates of a custom range. */
    name: kind === "custom" ? dates : t(`kinds.${kind}`),
    /** The dashed line's name. */
    lineLabel: kind === "custom" ? dates : `${t(`kinds.${kind}`)} · ${dates}`,
    dates,
  };
}
