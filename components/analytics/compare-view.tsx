"use client";
// Compare: up to five channels, or up to five groups, on one chart (one metric at a time) and in a
// table of the range's totals. What is compared is in the URL (?channels=a,b or ?groups=x,y).
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/spinner";
import { useFormatters } from "@/components/ui/use-formatters";
import { PageHeader } from "@/components/layout/page-header";
import { AccountGate } from "@/components/layout/account-gate";
import { useSelectedAccount } from "@/components/layout/use-selected-account";
import { TrendChart, type TrendPoint, type TrendSeries } from "@/components/charts/trend-chart";
import { ChannelPicker, RangeToolbar } from "@/components/analytics/range-toolbar";
import { ExportMenu } from "@/components/reports/export-menu";
import { ChartDownload } from "@/components/charts/chart-download";
import { useStatsParams } from "@/components/analytics/use-stats-params";
import { useRangeLabel } from "@/components/analytics/use-range-label";
import { useBucketFormat } from "@/components/analytics/use-bucket-format";
import { trendMetrics, type TrendMetric } from "@/components/analytics/trend-panel";
import { HowWeCount } from "@/components/analytics/how-we-count";
import { filterChoiceLimit, useChannelList } from "@/lib/client/channels";
import { useChannelStats, useSummaryList, useTimeseriesList, type StatsFilter } from "@/lib/client/stats";
import { busiestGroups } from "@/lib/client/group-sums";
import type { ChannelStatsRow } from "@/lib/schemas/stats";
import { maxCompared } from "@/lib/schemas/stats";
import type { Account } from "@/lib/schemas/accounts";
import styles from "@/components/analytics/analytics.module.css";
import { firstIncompleteBucket } from "@/lib/client/incomplete-buckets";
import { todayIn } from "@/lib/time/zone";

const palette = ["#3b6fd8", "#12965a", "#d8573b", "#8a5cd8", "#c98a12"];

export function CompareView() {
  const t = useTranslations("analytics.compare");
  const selection = useSelectedAccount();
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { count: maxCompared })} />
      <AccountGate selection={selection}>
        {(account) => <CompareForAccount key={account.id} account={account} />}
      </AccountGate>
    </>
  );
}

interface ComparedItem {
  key: string;
  label: string;
  filter: StatsFilter;
}

function CompareForAccount({ account }: { account: Account }) {
  const t = useTranslations("analytics.compare");
  const tTrend = useTranslations("analytics.trend");
  const tMetrics = useTranslations("metrics");
  const formatters = useFormatters(account.timezone);
  const { params, update } = useStatsParams(account.timezone);
  const rangeLabel = useRangeLabel(params, account.timezone);
  const [metric, setMetric] = useState<TrendMetric>("scans");
  const channels = useChannelList({ accountId: account.id, limit: filterChoiceLimit });
  const choices = useMemo(
    () => (channels.data?.items ?? []).map((channel) => ({ id: channel.id, name: channel.name, group: channel.group })),
    [channels.data],
  );
  const groups = useMemo(
    () =>
      [...new Set(choices.map((choice) => choice.group).filter((group): group is string => !!group))].sort((a, b) =>
        a.localeCompare(b),
      ),
    [choices],
  );
  const mode: "channels" | "groups" = params.groups.length > 0 ? "groups" : "channels";

  const items = useMemo<ComparedItem[]>(() => {
    const base = { accountId: account.id, ...params.range };
    if (mode === "groups")
      return params.groups
        .slice(0, maxCompared)
        .map((group) => ({ key: `group:${group}`, label: group, filter: { ...base, groups: group } }));
    return params.channelIds.slice(0, maxCompared).map((id) => ({
      key: id,
      label: choices.find((choice) => choice.id === id)?.name ?? id,
      filter: { ...base, channelIds: id },
    }));
  }, [account.id, params.range, params.groups, params.channelIds, mode, choices]);

  // What the view shows, as one filter: the compared channels, or the compared groups.
  const exportFilter = {
    accountId: account.id,
    ...params.range,
    ...(mode === "groups"
      ? { groups: params.groups.slice(0, maxCompared).join(",") }
      : { channelIds: params.channelIds.slice(0, maxCompared).join(",") }),
  };
  const seriesQueries = useTimeseriesList(items.map((item) => ({ ...item.filter, interval: params.interval })));
  const firstPoints = seriesQueries[0]?.data?.points;
  const ends = useMemo(
    () => new Map((firstPoints ?? []).flatMap((point) => (point.end ? [[point.start, point.end] as const] : []))),
    [firstPoints],
  );
  const formatBucket = useBucketFormat(params.interval, account.timezone, ends);
  const incompleteFrom = firstPoints
    ? firstIncompleteBucket(firstPoints, params.interval, todayIn(account.timezone))
    : null;
  const summaryQueries = useSummaryList(items.map((item) => item.filter));
  const error = [...seriesQueries, ...summaryQueries].find((query) => query.error)?.error;
  const isLoading = seriesQueries.some((query) => !query.data);

  const series: TrendSeries<string>[] = items.map((item, index) => ({
    key: `item${index}`,
    label: item.label,
    color: palette[index % palette.length]!,
  }));
  const points = useMemo<TrendPoint<string>[]>(() => {
    const first = seriesQueries[0]?.data?.points ?? [];
    return first.map(
      (point, index) =>
        ({
          date: point.start,
          ...Object.fromEntries(
            seriesQueries.map((query, item) => [`item${item}`, query.data?.points[index]?.[metric] ?? 0]),
          ),
        }) as TrendPoint<string>,
    );
  }, [seriesQueries, metric]);

  // A new comparison starts with the busiest channels or groups of the range.
  const ranking = useChannelStats({ accountId: account.id, ...params.range });
  const top = useMemo(() => topByScans(ranking.data?.rows ?? [], choices, groups), [ranking.data, choices, groups]);
  const switchMode = (next: "channels" | "groups") =>
    update(next === "groups" ? { channelIds: [], groups: top.groups } : { groups: [], channelIds: top.channelIds });

  return (
    <>
      <RangeToolbar params={params} onChange={update} />
      {items.length > 0 ? (
        <div className={styles.exportRow}>
          <ExportMenu filter={exportFilter} interval={params.interval} isPerChannel />
        </div>
      ) : null}
      <div className={styles.stack}>
        <Card>
          <CardBody>
            <div className={styles.chartControls} style={{ marginBottom: 0 }}>
              <div className={styles.modeSwitch} role="group" aria-label={t("mode")}>
                {(["channels", "groups"] as const).map((candidate) => (
                  <button
                    key={candidate}
                    type="button"
                    className={styles.preset}
                    aria-pressed={mode === candidate}
                    onClick={() => mode !== candidate && switchMode(candidate)}
                    data-testid={`compare-mode-${candidate}`}
                  >
                    {t(`modes.${candidate}`)}
                  </button>
                ))}
              </div>
              {mode === "channels" ? (
                <ChannelPicker
                  channels={choices}
                  selected={params.channelIds}
                  onChange={(channelIds) => update({ channelIds: channelIds.slice(0, maxCompared) })}
                  max={maxCompared}
                />
              ) : (
                <label className={styles.selectLabel}>
                  <span>{t("addGroup")}</span>
                  <select
                    className={styles.select}
                    value=""
                    disabled={params.groups.length >= maxCompared}
                    onChange={(event) =>
                      event.target.value &&
                      update({ groups: [...params.groups, event.target.value].slice(0, maxCompared) })
                    }
                    data-testid="compare-add-group"
                  >
                    <option value="">{t("chooseGroup")}</option>
                    {groups
                      .filter((group) => !params.groups.includes(group))
                      .map((group) => (
                        <option key={group} value={group}>
                          {group}
                        </option>
                      ))}
                  </select>
                </label>
              )}
              <div className={styles.compareList}>
                {items.map((item, index) => (
                  <span key={item.key} className={styles.compareChip}>
                    <span
                      className={styles.toggleSwatch}
                      style={{ background: palette[index % palette.length] }}
                      aria-hidden
                    />
                    {item.label}
                    <button
                      type="button"
                      className={styles.chipRemove}
                      aria-label={t("remove", { name: item.label })}
                      onClick={() =>
                        mode === "groups"
                          ? update({ groups: params.groups.filter((group) => `group:${group}` !== item.key) })
                          : update({ channelIds: params.channelIds.filter((id) => id !== item.key) })
                      }
                    >
                      ×
                    </button>
                  </span>
                ))}
              </div>
            </div>
          </CardBody>
        </Card>
        {items.length === 0 ? (
          <Card>
            <EmptyState
              icon="⇄"
              title={t("emptyTitle")}
              actions={
                <Button
                  variant="primary"
                  onClick={() => switchMode(mode)}
                  disabled={mode === "groups" ? groups.length === 0 : choices.length === 0}
                >
                  {t("pickSome")}
                </Button>
              }
            >
              {t("emptyText", { count: maxCompared })}
            </EmptyState>
          </Card>
        ) : (
          <>
            <Card>
              <CardHeader
                title={t("chartTitle", { metric: tMetrics(`${metric}.label`) })}
                description={rangeLabel}
                actions={
                  <label className={styles.selectLabel}>
                    <span>{t("metric")}</span>
                    <select
                      className={styles.select}
                      value={metric}
                      onChange={(event) => setMetric(event.target.value as TrendMetric)}
                      data-testid="compare-metric"
                    >
                      {trendMetrics.map((candidate) => (
                        <option key={candidate} value={candidate}>
                          {tMetrics(`${candidate}.label`)}
                        </option>
                      ))}
                    </select>
                  </label>
                }
              />
              <CardBody>
                {error ? (
                  <ErrorState error={error} onRetry={() => seriesQueries.forEach((query) => query.refetch())} />
                ) : isLoading ? (
                  <Skeleton height={320} />
                ) : (
                  <ChartDownload
                    title={`${t("title")} · ${tMetrics(`${metric}.label`)}`}
                    subtitle={rangeLabel}
                    legend={series.map((line) => ({ label: line.label, color: line.color }))}
                    fileName={`compare-${metric}-${params.range.from}_${params.range.to}`}
                  >
                    <TrendChart
                      points={points}
                      series={series}
                      incomplete={
                        incompleteFrom === null
                          ? null
                          : { from: incompleteFrom, label: tTrend("incomplete"), note: tTrend("incompleteNote") }
                      }
                      formatDate={formatBucket}
                      formatNumber={formatters.count}
                      ariaLabel={t("aria", { range: rangeLabel })}
                      height={320}
                      variant="line"
                    />
                  </ChartDownload>
                )}
              </CardBody>
            </Card>
            <Card>
              <CardHeader title={t("tableTitle")} description={rangeLabel} />
              <CardBody>
                <div style={{ overflowX: "auto" }}>
                  <table className={styles.table} data-testid="compare-table">
                    <thead>
                      <tr>
                        <th>{t(mode === "groups" ? "group" : "channel")}</th>
                        {trendMetrics.map((column) => (
                          <th key={column}>{tMetrics(`${column}.label`)}</th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((item, index) => {
                        const summary = summaryQueries[index]?.data;
                        return (
                          <tr key={item.key}>
                            <td>
                              <span style={{ display: "inline-flex", alignItems: "center", gap: 8 }}>
                                <span
                                  className={styles.toggleSwatch}
                                  style={{ background: palette[index % palette.length] }}
                                  aria-hidden
                                />
                                {item.label}
                              </span>
                            </td>
                            {trendMetrics.map((column) => (
                              <td key={column} className="tabular">
                                {summary ? (
                                  <>
                                    {formatters.count(summary[column])}
                                    <span className="faint" style={{ marginLeft: 6, fontSize: 12 }}>
                                      {formatters.signedCount(summary[column] - summary.previous[column])}
                                    </span>
                                  </>
                                ) : (
                                  "…"
                                )}
                              </td>
                            ))}
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
                <p className="faint" style={{ marginTop: "var(--space-3)", fontSize: 12.5 }}>
                  {t("deltaNote")}
                </p>
              </CardBody>
            </Card>
          </>
        )}
        <HowWeCount timeZone={account.timezone} />
      </div>
    </>
  );
}

const startingCount = Math.min(3, maxCompared);

/**
 * The channels and groups to start a comparison with: the most scanned in the range (then the most
 * followed), groups by the sum of their channels; the list's own order fills up when fewer had scans.
 */
function topByScans(
  rows: ChannelStatsRow[],
  choices: { id: string; group: string | null }[],
  groups: string[],
): { channelIds: string[]; groups: string[] } {
  const busiest = rows
    .filter((row) => row.scans > 0 || row.newFollows > 0)
    .sort((a, b) => b.scans - a.scans || b.newFollows - a.newFollows);
  const channelIds = [...new Set([...busiest.map((row) => row.channelId), ...choices.map((choice) => choice.id)])];
  const busiestGroupNames = busiestGroups(rows).flatMap((sums) => (sums.group ? [sums.group] : []));
  return {
    channelIds: channelIds.slice(0, startingCount),
    groups: [...new Set([...busiestGroupNames, ...groups])].slice(0, startingCount),
  };
}
