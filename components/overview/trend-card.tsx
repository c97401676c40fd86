"use client";
// The daily trend of the range: scans and new follows, from the timeseries endpoint (which
// returns every day, zeros included).
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/spinner";
import { useFormatters } from "@/components/ui/use-formatters";
import { TrendChart, type TrendPoint, type TrendSeries } from "@/components/charts/trend-chart";
import { calendarDateOf } from "@/lib/client/date-range";
import type { TimeseriesPoint } from "@/lib/schemas/stats";

type SeriesKey = "scans" | "newFollows";

interface TrendCardProps {
  title?: string;
  points: TimeseriesPoint[] | undefined;
  error: unknown;
  onRetry: () => void;
  timeZone: string;
  rangeLabel: string;
}

export function TrendCard({ title, points, error, onRetry, timeZone, rangeLabel }: TrendCardProps) {
  const t = useTranslations("overview");
  const tMetrics = useTranslations("metrics");
  const formatters = useFormatters(timeZone);

  const chartPoints = useMemo<TrendPoint<SeriesKey>[]>(
    () => (points ?? []).map((point) => ({ date: calendarDateOf(point.start, timeZone), scans: point.scans, newFollows: point.newFollows })),
    [points, timeZone],
  );
  const series: TrendSeries<SeriesKey>[] = [
    { key: "scans", label: tMetrics("scans.label"), color: "var(--color-series-scans)" },
    { key: "newFollows", label: tMetrics("newFollows.label"), color: "var(--color-series-follows)" },
  ];

  return (
    <Card>
      <CardHeader title={title ?? t("trendTitle")} description={rangeLabel} />
      <CardBody>
        {error ? (
          <ErrorState error={error} onRetry={onRetry} />
        ) : points ? (
          <TrendChart
            points={chartPoints}
            series={series}
            formatDate={(date, style) => formatters.calendarDate(date, style)}
            formatNumber={formatters.count}
            ariaLabel={t("trendAria", { range: rangeLabel })}
          />
        ) : (
          <Skeleton height={300} />
        )}
      </CardBody>
    </Card>
  );
}
