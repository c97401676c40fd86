"use client";
// The headline numbers for the range, each against the range it is compared with (the period of
// equal length just before it unless the view says otherwise: change and percent), each with its
// definition (written once, in the messages) on hover.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { InfoTip } from "@/components/ui/info-tip";
import { Skeleton } from "@/components/ui/spinner";
import { useFormatters } from "@/components/ui/use-formatters";
import type { Summary, SummaryCounts } from "@/lib/schemas/stats";
import styles from "@/components/overview/overview.module.css";

type Metric = keyof Pick<SummaryCounts, "scans" | "uniqueScanners" | "newFollows" | "unfollows" | "netFollows">;

const kpis: { metric: Metric; testId: string; isIncreaseBad?: boolean }[] = [
  { metric: "scans", testId: "kpi-scans" },
  { metric: "uniqueScanners", testId: "kpi-unique-scanners" },
  { metric: "newFollows", testId: "kpi-new-follows" },
  { metric: "unfollows", testId: "kpi-unfollows", isIncreaseBad: true },
  { metric: "netFollows", testId: "kpi-net-follows" },
];

interface KpiCardsProps {
  summary: Summary | undefined;
  error: unknown;
  onRetry: () => void;
  timeZone: string;
  /** How the comparison reads under each change ("vs previous 30 days"), and its dates. */
  comparison: { versus: string; dates: string };
  /** A new range is loading: the last numbers stay, dimmed. */
  isRefreshing?: boolean;
}

export function KpiCards({ summary, error, onRetry, timeZone, comparison, isRefreshing = false }: KpiCardsProps) {
  const t = useTranslations("analytics.kpi");
  const tComparison = useTranslations("analytics.comparison");
  const tMetrics = useTranslations("metrics");
  const base = useFormatters(timeZone);
  const format = useFormatter();
  const formatters = {
    ...base,
    signedPercent: (ratio: number) =>
      format.number(ratio, {
        style: "percent",
        maximumFractionDigits: Math.abs(ratio) < 0.1 ? 1 : 0,
        signDisplay: "exceptZero",
      }),
  };

  if (error) {
    return (
      <Card>
        <ErrorState error={error} onRetry={onRetry} />
      </Card>
    );
  }

  return (
    <div
      className={styles.kpis}
      style={isRefreshing ? { opacity: 0.55 } : undefined}
      aria-busy={isRefreshing || undefined}
    >
      {kpis.map(({ metric, testId, isIncreaseBad }) => {
        const label = tMetrics(`${metric}.label`);
        const change = summary ? summary[metric] - summary.previous[metric] : 0;
        const before = summary ? Math.abs(summary.previous[metric]) : 0;
        const percent = before === 0 ? null : formatters.signedPercent(change / before);
        const tone = change === 0 ? styles.flat : change > 0 !== Boolean(isIncreaseBad) ? styles.up : styles.down;
        return (
          <Card key={metric} className={styles.kpi}>
            <div className={styles.kpiLabel}>
              {label}
              <InfoTip label={tMetrics("whatIs", { metric: label })} text={tMetrics(`${metric}.definition`)} />
            </div>
            {summary ? (
              <>
                <div className={`${styles.kpiValue} tabular`} data-testid={testId}>
                  {formatters.count(summary[metric])}
                </div>
                <div
                  className={`${styles.kpiChange} ${tone}`}
                  title={tComparison("comparedValue", {
                    range: comparison.dates,
                    value: formatters.count(summary.previous[metric]),
                  })}
                >
                  {change === 0
                    ? t("flat")
                    : percent
                      ? `${formatters.signedCount(change)} (${percent})`
                      : formatters.signedCount(change)}
                  <span className={styles.kpiChangeNote}>{comparison.versus}</span>
                </div>
              </>
            ) : (
              <>
                <Skeleton width={72} height={32} style={{ margin: "6px 0" }} />
                <Skeleton width={120} height={14} />
              </>
            )}
          </Card>
        );
      })}
    </div>
  );
}

/** Context under the KPIs: follows that came without a code, and scans of unknown codes (a link to them). */
export function SummaryContext({
  summary,
  timeZone,
  unattributedHref,
}: {
  summary: Summary;
  timeZone: string;
  unattributedHref: string;
}) {
  const tMetrics = useTranslations("metrics");
  const formatters = useFormatters(timeZone);
  return (
    <p className={styles.context}>
      {(["organicFollows", "unattributedScans"] as const).map((metric) => (
        <span key={metric} className={styles.contextItem}>
          {tMetrics(`${metric}.label`)}
          <InfoTip
            label={tMetrics("whatIs", { metric: tMetrics(`${metric}.label`) })}
            text={tMetrics(`${metric}.definition`)}
          />
          {metric === "unattributedScans" && summary[metric] > 0 ? (
            <Link href={unattributedHref} className="tabular" data-testid="open-unattributed-scans">
              <strong>{formatters.count(summary[metric])}</strong> →
            </Link>
          ) : (
            <strong className="tabular">{formatters.count(summary[metric])}</strong>
          )}
        </span>
      ))}
    </p>
  );
}
