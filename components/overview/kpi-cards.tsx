"use client";
// The headline numbers for the range, each against the period just before it, each with its
// definition (written once, in the messages) on hover.
import { useTranslations } from "next-intl";
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
  rangeDays: number;
}

export function KpiCards({ summary, error, onRetry, timeZone, rangeDays }: KpiCardsProps) {
  const t = useTranslations("overview");
  const tMetrics = useTranslations("metrics");
  const formatters = useFormatters(timeZone);

  if (error) {
    return (
      <Card>
        <ErrorState error={error} onRetry={onRetry} />
      </Card>
    );
  }

  return (
    <div className={styles.kpis}>
      {kpis.map(({ metric, testId, isIncreaseBad }) => {
        const label = tMetrics(`${metric}.label`);
        const change = summary ? summary[metric] - summary.previous[metric] : 0;
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
                <div className={`${styles.kpiChange} ${tone}`}>
                  {change === 0 ? t("noChange", { days: rangeDays }) : t("change", { change: formatters.signedCount(change), days: rangeDays })}
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

/** Context under the KPIs: follows that came without a code, and scans of unknown codes. */
export function SummaryContext({ summary, timeZone }: { summary: Summary; timeZone: string }) {
  const tMetrics = useTranslations("metrics");
  const formatters = useFormatters(timeZone);
  return (
    <p className={styles.context}>
      {(["organicFollows", "unattributedScans"] as const).map((metric) => (
        <span key={metric} className={styles.contextItem}>
          {tMetrics(`${metric}.label`)}
          <InfoTip label={tMetrics("whatIs", { metric: tMetrics(`${metric}.label`) })} text={tMetrics(`${metric}.definition`)} />
          <strong className="tabular">{formatters.count(summary[metric])}</strong>
        </span>
      ))}
    </p>
  );
}
