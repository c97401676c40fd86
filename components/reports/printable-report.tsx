"use client";
// The printable report: account and range in the header, the KPIs against the previous period,
// the trend, every channel with retention, the groups, and how each metric is counted — laid out
// for A4, printed (or saved as PDF) by the browser, page numbers in the margin.
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useMemo } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/error-state";
import { SkeletonRows } from "@/components/ui/spinner";
import { useFormatters } from "@/components/ui/use-formatters";
import { AccountGate } from "@/components/layout/account-gate";
import { useHrefWithAccount, useSelectedAccount } from "@/components/layout/use-selected-account";
import { TrendChart, type TrendPoint } from "@/components/charts/trend-chart";
import { metricColors } from "@/components/analytics/trend-panel";
import { useStatsFilter, useStatsParams } from "@/components/analytics/use-stats-params";
import { useRangeLabel } from "@/components/analytics/use-range-label";
import { useBucketFormat } from "@/components/analytics/use-bucket-format";
import { ChartDownload } from "@/components/charts/chart-download";
import { useComparison } from "@/components/analytics/use-comparison";
import { useChannelStats, useSummary, useTimeseries } from "@/lib/client/stats";
import type { Account } from "@/lib/schemas/accounts";
import type { ChannelStatsRow, Summary } from "@/lib/schemas/stats";
import styles from "@/components/reports/printable-report.module.css";

const kpiMetrics = ["scans", "uniqueScanners", "newFollows", "unfollows", "netFollows"] as const;
const definedMetrics = [...kpiMetrics, "retention", "organicFollows", "unattributedScans"] as const;
const trendMetrics = ["scans", "newFollows"] as const;

export function PrintableReportView() {
  const selection = useSelectedAccount();
  return (
    <AccountGate selection={selection}>
      {(account) => <PrintableReport key={account.id} account={account} />}
    </AccountGate>
  );
}

function PrintableReport({ account }: { account: Account }) {
  const t = useTranslations("reports.print");
  const tMetrics = useTranslations("metrics");
  const format = useFormatter();
  const now = useNow();
  const formatters = useFormatters(account.timezone);
  const hrefWithAccount = useHrefWithAccount();
  const { params } = useStatsParams(account.timezone);
  const rangeLabel = useRangeLabel(params, account.timezone);
  const comparison = useComparison(params, account.timezone);
  const previous = comparison.range;
  const previousLabel = comparison.lineLabel;
  const filter = useStatsFilter(account.id, params);
  const interval = params.interval === "hour" ? "day" : params.interval;
  const summary = useSummary({ ...filter, ...comparison.query });
  const series = useTimeseries({ ...filter, interval });
  const previousSeries = useTimeseries({ ...filter, ...previous, interval });
  const channelStats = useChannelStats(filter);
  const ends = useMemo(
    () =>
      new Map((series.data?.points ?? []).flatMap((point) => (point.end ? [[point.start, point.end] as const] : []))),
    [series.data],
  );
  const formatBucket = useBucketFormat(interval, account.timezone, ends);
  const toChartPoints = (points: typeof series.data) =>
    (points?.points ?? []).map(
      (point) =>
        ({ date: point.start, scans: point.scans, newFollows: point.newFollows }) as TrendPoint<"scans" | "newFollows">,
    );
  const chartSeries = trendMetrics.map((metric) => ({
    key: metric,
    label: tMetrics(`${metric}.label`),
    color: metricColors[metric],
  }));
  const error = summary.error ?? series.error ?? channelStats.error;
  const isReady = summary.data && series.data && previousSeries.data && channelStats.data;

  return (
    <>
      <div className={styles.toolbar} data-print-hidden>
        <ButtonLink href={hrefWithAccount("/reports")} variant="ghost">
          ← {t("back")}
        </ButtonLink>
        <Button variant="primary" onClick={() => window.print()} data-testid="print-report">
          {t("print")}
        </Button>
      </div>
      <article className={styles.paper} data-testid="printable-report" aria-busy={!isReady || undefined}>
        <header className={styles.header}>
          <div>
            <h1>{t("title")}</h1>
            <p className={styles.meta}>
              {t("account")}: <strong data-testid="report-account">{account.name}</strong> · {account.timezone}
            </p>
            <p className={styles.meta}>
              {t("range")}: <strong data-testid="report-range">{rangeLabel}</strong> ·{" "}
              {t("comparedWith", { range: previousLabel })}
            </p>
          </div>
          <div className={styles.meta}>
            <div className={styles.brand}>Qudao 渠道</div>
            {t("generated", {
              time: format.dateTime(now, { timeZone: account.timezone, dateStyle: "medium", timeStyle: "short" }),
            })}
          </div>
        </header>
        {error ? (
          <ErrorState
            error={error}
            onRetry={() => void Promise.all([summary.refetch(), series.refetch(), channelStats.refetch()])}
          />
        ) : !isReady ? (
          <div className={styles.section}>
            <p className={styles.meta}>{t("loading")}</p>
            <SkeletonRows rows={8} />
          </div>
        ) : (
          <>
            <section className={styles.section}>
              <h2>{t("kpis")}</h2>
              <Kpis summary={summary.data!} timeZone={account.timezone} />
            </section>
            <section className={styles.section} data-testid="report-trend">
              <h2>{t("trend")}</h2>
              <ChartDownload
                title={`${t("trend")} · ${account.name}`}
                subtitle={rangeLabel}
                legend={[
                  ...chartSeries.map((line) => ({ label: line.label, color: line.color })),
                  { label: previousLabel, color: "#8a9791", isDashed: true },
                ]}
                fileName={`trend-${params.range.from}_${params.range.to}`}
              >
                <TrendChart
                  points={toChartPoints(series.data)}
                  series={chartSeries}
                  comparison={{ points: toChartPoints(previousSeries.data), label: previousLabel }}
                  incomplete={null}
                  formatDate={formatBucket}
                  formatNumber={formatters.count}
                  ariaLabel={`${t("trend")} · ${rangeLabel}`}
                  height={230}
                />
              </ChartDownload>
            </section>
            <section className={styles.tableSection}>
              <h2>{t("channels")}</h2>
              <ChannelTable rows={channelStats.data!.rows} timeZone={account.timezone} />
            </section>
            <section className={styles.tableSection}>
              <h2>{t("groups")}</h2>
              <GroupTable rows={channelStats.data!.rows} timeZone={account.timezone} />
            </section>
            <section className={styles.section}>
              <h2>{t("definitions")}</h2>
              <dl className={styles.definitions}>
                {definedMetrics.map((metric) => (
                  <div key={metric}>
                    <dt>{tMetrics(`${metric}.label`)}</dt>
                    <dd>{tMetrics(`${metric}.definition`)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          </>
        )}
      </article>
    </>
  );
}

function Kpis({ summary, timeZone }: { summary: Summary; timeZone: string }) {
  const tMetrics = useTranslations("metrics");
  const t = useTranslations("analytics.kpi");
  const formatters = useFormatters(timeZone);
  return (
    <div className={styles.kpis}>
      {kpiMetrics.map((metric) => {
        const change = summary[metric] - summary.previous[metric];
        const isIncreaseBad = metric === "unfollows";
        const tone = change === 0 ? "" : change > 0 !== isIncreaseBad ? styles.up : styles.down;
        return (
          <div key={metric} className={styles.kpi} data-testid={`report-kpi-${metric}`}>
            <div className={styles.kpiLabel}>{tMetrics(`${metric}.label`)}</div>
            <div className={styles.kpiValue}>{formatters.count(summary[metric])}</div>
            <div className={`${styles.kpiDelta} ${tone}`}>
              {formatters.signedCount(change)} ·{" "}
              {t("previousValue", { value: formatters.count(summary.previous[metric]) })}
            </div>
          </div>
        );
      })}
    </div>
  );
}

function percent(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(1)}%`;
}

function ChannelTable({ rows, timeZone }: { rows: ChannelStatsRow[]; timeZone: string }) {
  const t = useTranslations("reports");
  const tMetrics = useTranslations("metrics");
  const formatters = useFormatters(timeZone);
  if (rows.length === 0) return <p className={styles.meta}>{t("print.empty")}</p>;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="report-channels">
        <thead>
          <tr>
            <th scope="col">{t("columns.channel")}</th>
            <th scope="col">{t("columns.group")}</th>
            {kpiMetrics.map((metric) => (
              <th key={metric} scope="col">
                {tMetrics(`${metric}.label`)}
              </th>
            ))}
            <th scope="col">{t("print.retention")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.channelId}>
              <td>{row.name}</td>
              <td>{row.group ?? "—"}</td>
              {kpiMetrics.map((metric) => (
                <td key={metric}>{formatters.count(row[metric])}</td>
              ))}
              <td>
                {percent(row.retention.d1)} / {percent(row.retention.d7)} / {percent(row.retention.d30)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Groups add up their channels' additive counts; unique scanners do not add up, so they are left out. */
const groupMetrics = ["scans", "newFollows", "unfollows", "netFollows"] as const;

function GroupTable({ rows, timeZone }: { rows: ChannelStatsRow[]; timeZone: string }) {
  const t = useTranslations("reports");
  const tMetrics = useTranslations("metrics");
  const formatters = useFormatters(timeZone);
  const groups = useMemo(() => {
    const byGroup = new Map<string, Record<(typeof groupMetrics)[number], number> & { channels: number }>();
    for (const row of rows) {
      const key = row.group ?? "";
      const sums = byGroup.get(key) ?? { channels: 0, scans: 0, newFollows: 0, unfollows: 0, netFollows: 0 };
      sums.channels += 1;
      for (const metric of groupMetrics) sums[metric] += row[metric];
      byGroup.set(key, sums);
    }
    return [...byGroup.entries()].sort((a, b) => b[1].scans - a[1].scans);
  }, [rows]);
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid="report-groups">
        <thead>
          <tr>
            <th scope="col">{t("columns.group")}</th>
            <th scope="col">{t("print.channels")}</th>
            {groupMetrics.map((metric) => (
              <th key={metric} scope="col">
                {tMetrics(`${metric}.label`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map(([group, sums]) => (
            <tr key={group}>
              <td>{group || t("print.noGroup")}</td>
              <td>{formatters.count(sums.channels)}</td>
              {groupMetrics.map((metric) => (
                <td key={metric}>{formatters.count(sums[metric])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
