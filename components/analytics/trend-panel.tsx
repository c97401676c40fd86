"use client";
// The trend of a range: series toggles, the previous period as dashed lines, hover details. The
// points come from the timeseries endpoint (every bucket present, zeros included).
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/spinner";
import { useFormatters } from "@/components/ui/use-formatters";
import { TrendChart, type TrendPoint, type TrendSeries } from "@/components/charts/trend-chart";
import { useBucketFormat } from "@/components/analytics/use-bucket-format";
import { ChartDownload } from "@/components/charts/chart-download";
import { firstIncompleteBucket } from "@/lib/client/incomplete-buckets";
import { todayIn } from "@/lib/time/zone";
import type { StatsInterval, TimeseriesPoint } from "@/lib/schemas/stats";
import styles from "@/components/analytics/analytics.module.css";

export const trendMetrics = ["scans", "uniqueScanners", "newFollows", "unfollows", "netFollows"] as const;
export type TrendMetric = (typeof trendMetrics)[number];

export const metricColors: Record<TrendMetric, string> = {
  scans: "var(--color-series-scans)",
  uniqueScanners: "#8a5cd8",
  newFollows: "var(--color-series-follows)",
  unfollows: "#d8573b",
  netFollows: "#c98a12",
};

interface TrendPanelProps {
  title: string;
  description: string;
  points: TimeseriesPoint[] | undefined;
  previousPoints: TimeseriesPoint[] | undefined;
  isRefreshing: boolean;
  error: unknown;
  onRetry: () => void;
  interval: StatsInterval;
  timeZone: string;
  initialMetrics?: TrendMetric[];
  /** What previousPoints are: a name ("Same period last year") and, for the legend, with its dates. */
  comparison?: { name: string; label: string };
}

export function TrendPanel({
  title,
  description,
  points,
  previousPoints,
  isRefreshing,
  error,
  onRetry,
  interval,
  timeZone,
  initialMetrics = ["scans", "newFollows"],
  comparison,
}: TrendPanelProps) {
  const t = useTranslations("analytics.trend");
  const comparisonName = comparison?.name ?? t("previousPeriod");
  const tMetrics = useTranslations("metrics");
  const formatters = useFormatters(timeZone);
  const ends = useMemo(
    () => new Map((points ?? []).flatMap((point) => (point.end ? [[point.start, point.end] as const] : []))),
    [points],
  );
  const formatBucket = useBucketFormat(interval, timeZone, ends);
  const [shown, setShown] = useState<TrendMetric[]>(initialMetrics);
  const [isComparing, setIsComparing] = useState(true);

  const toChartPoints = (source: TimeseriesPoint[]) =>
    source.map(
      (point) =>
        ({
          date: point.start,
          ...Object.fromEntries(trendMetrics.map((metric) => [metric, point[metric]])),
        }) as TrendPoint<TrendMetric>,
    );
  const chartPoints = useMemo(() => toChartPoints(points ?? []), [points]);
  const comparisonPoints = useMemo(() => toChartPoints(previousPoints ?? []), [previousPoints]);
  const incompleteFrom = points ? firstIncompleteBucket(points, interval, todayIn(timeZone)) : null;
  const series: TrendSeries<TrendMetric>[] = trendMetrics
    .filter((metric) => shown.includes(metric))
    .map((metric) => ({ key: metric, label: tMetrics(`${metric}.label`), color: metricColors[metric] }));
  const toggle = (metric: TrendMetric) =>
    setShown((current) =>
      current.includes(metric)
        ? current.length > 1
          ? current.filter((candidate) => candidate !== metric)
          : current
        : [...current, metric],
    );

  return (
    <Card>
      <CardHeader title={title} description={description} />
      <CardBody>
        <div className={styles.chartControls}>
          <div className={styles.toggles} role="group" aria-label={t("series")}>
            {trendMetrics.map((metric) => (
              <button
                key={metric}
                type="button"
                className={styles.toggle}
                aria-pressed={shown.includes(metric)}
                onClick={() => toggle(metric)}
                data-testid={`series-${metric}`}
              >
                <span className={styles.toggleSwatch} style={{ background: metricColors[metric] }} aria-hidden />
                {tMetrics(`${metric}.label`)}
              </button>
            ))}
          </div>
          <label className={styles.compareSwitch}>
            <input
              type="checkbox"
              checked={isComparing}
              onChange={(event) => setIsComparing(event.target.checked)}
              data-testid="compare-previous"
            />
            {comparisonName}
          </label>
        </div>
        {error ? (
          <ErrorState error={error} onRetry={onRetry} />
        ) : points ? (
          <div className={isRefreshing ? styles.isRefreshing : undefined}>
            <ChartDownload
              title={title}
              subtitle={description}
              legend={[
                ...series.map((line) => ({ label: line.label, color: line.color })),
                ...(isComparing && previousPoints
                  ? [{ label: comparison?.label ?? comparisonName, color: "#8a9791", isDashed: true }]
                  : []),
              ]}
              fileName={`trend-${points[0]?.start ?? ""}_${points.at(-1)?.end ?? points.at(-1)?.start ?? ""}`}
            >
              <TrendChart
                points={chartPoints}
                series={series}
                comparison={
                  isComparing && previousPoints ? { points: comparisonPoints, label: comparisonName } : undefined
                }
                incomplete={
                  incompleteFrom === null
                    ? null
                    : { from: incompleteFrom, label: t("incomplete"), note: t("incompleteNote") }
                }
                formatDate={formatBucket}
                formatNumber={formatters.count}
                ariaLabel={t("aria", { range: description })}
                hasLegend={false}
                height={300}
              />
            </ChartDownload>
          </div>
        ) : (
          <Skeleton height={300} />
        )}
      </CardBody>
    </Card>
  );
}
