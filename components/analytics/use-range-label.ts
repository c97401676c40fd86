"use client";
// "Last 30 days · Oct 26 – Nov 24, 2026": the preset's name and its dates in the reader's language.
import { useTranslations } from "next-intl";
import { useFormatters } from "@/components/ui/use-formatters";
import type { StatsParams } from "@/components/analytics/use-stats-params";

export function useRangeLabel(params: Pick<StatsParams, "preset" | "range">, timeZone: string): string {
  const t = useTranslations("analytics.range");
  const formatters = useFormatters(timeZone);
  const dates =
    params.range.from === params.range.to
      ? formatters.calendarDate(params.range.from, "range")
      : t("dates", {
          from: formatters.calendarDate(params.range.from, "range"),
          to: formatters.calendarDate(params.range.to, "range"),
        });
  return params.preset === "custom" ? dates : `${t(`presets.${params.preset}`)} · ${dates}`;
}
