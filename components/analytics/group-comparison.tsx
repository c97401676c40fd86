"use client";
// Channel groups side by side for the range: scans and new follows per group (sums of the
// per-channel table; unique scanners are not summed — a person may scan in several groups).
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { useFormatters } from "@/components/ui/use-formatters";
import { BarList, type BarListItem } from "@/components/charts/bar-list";
import { metricColors } from "@/components/analytics/trend-panel";
import type { ChannelStatsRow } from "@/lib/schemas/stats";

export function GroupComparison({ rows, timeZone }: { rows: ChannelStatsRow[]; timeZone: string }) {
  const t = useTranslations("analytics.groups");
  const tMetrics = useTranslations("metrics");
  const formatters = useFormatters(timeZone);
  const items = useMemo<BarListItem[]>(() => {
    const byGroup = new Map<string, { scans: number; newFollows: number }>();
    for (const row of rows) {
      const key = row.group ?? "";
      const sums = byGroup.get(key) ?? { scans: 0, newFollows: 0 };
      sums.scans += row.scans;
      sums.newFollows += row.newFollows;
      byGroup.set(key, sums);
    }
    return (
      [...byGroup]
        // A group with nothing in the range has no bar to show.
        .filter(([, sums]) => sums.scans > 0 || sums.newFollows > 0)
        .sort(([, a], [, b]) => b.scans - a.scans || b.newFollows - a.newFollows)
        .slice(0, 8)
        .map(([group, sums]) => ({
          key: group || "—",
          label: group || t("noGroup"),
          values: [
            { value: sums.scans, color: metricColors.scans, label: tMetrics("scans.label") },
            { value: sums.newFollows, color: metricColors.newFollows, label: tMetrics("newFollows.label") },
          ],
        }))
    );
  }, [rows, t, tMetrics]);
  const hasActivity = rows.some((row) => row.scans > 0 || row.newFollows > 0);
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        {hasActivity ? (
          <BarList items={items} formatNumber={formatters.count} ariaLabel={t("title")} />
        ) : (
          <EmptyState icon="▥" title={t("emptyTitle")}>
            {t("emptyText")}
          </EmptyState>
        )}
      </CardBody>
    </Card>
  );
}
