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
import { busiestGroups } from "@/lib/client/group-sums";
import type { ChannelStatsRow } from "@/lib/schemas/stats";

export function GroupComparison({ rows, timeZone }: { rows: ChannelStatsRow[]; timeZone: string }) {
  const t = useTranslations("analytics.groups");
  const tMetrics = useTranslations("metrics");
  const formatters = useFormatters(timeZone);
  const items = useMemo<BarListItem[]>(() => {
    return busiestGroups(rows)
      .slice(0, 8)
      .map((sums) => ({
        key: sums.group ?? "—",
        label: sums.group ?? t("noGroup"),
        values: [
          { value: sums.scans, color: metricColors.scans, label: tMetrics("scans.label") },
          { value: sums.newFollows, color: metricColors.newFollows, label: tMetrics("newFollows.label") },
        ],
      }));
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
