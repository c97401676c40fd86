"use client";
// One channel: its code and status, all-time counts, a test scan (sandbox accounts), then its
// range — numbers against the previous period, the trend, the retention curve — and what
// happened lately. The range lives in the URL like the overview's.
import { useMay } from "@/components/auth/viewer-context";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton, SkeletonRows } from "@/components/ui/spinner";
import { useFormatters } from "@/components/ui/use-formatters";
import { PageHeader } from "@/components/layout/page-header";
import { useHrefWithAccount, useSelectedAccount } from "@/components/layout/use-selected-account";
import { ChannelCounts } from "@/components/channels/channel-counts";
import { ChannelQrCard } from "@/components/channels/channel-qr-card";
import { EventList } from "@/components/channels/event-list";
import { SandboxPanel } from "@/components/channels/sandbox-panel";
import { KpiCards } from "@/components/overview/kpi-cards";
import { RetentionChart, thinCohortLimit } from "@/components/charts/retention-chart";
import { RangeToolbar } from "@/components/analytics/range-toolbar";
import { ExportMenu } from "@/components/reports/export-menu";
import { ChartDownload } from "@/components/charts/chart-download";
import { TrendPanel } from "@/components/analytics/trend-panel";
import { useStatsParams } from "@/components/analytics/use-stats-params";
import { useRangeLabel } from "@/components/analytics/use-range-label";
import { HowWeCount } from "@/components/analytics/how-we-count";
import { useChannel } from "@/lib/client/channels";
import { useEventList } from "@/lib/client/events";
import { isApiError } from "@/lib/client/http";
import { useComparison } from "@/components/analytics/use-comparison";
import { useRetentionCurve, useSummary, useTimeseries } from "@/lib/client/stats";
import type { Account } from "@/lib/schemas/accounts";
import type { Channel } from "@/lib/schemas/channels";
import detailStyles from "@/components/channels/channel-detail.module.css";
import styles from "@/components/analytics/analytics.module.css";

const recentEventCount = 15;

export function ChannelView({ channelId }: { channelId: string }) {
  const t = useTranslations("channels");
  const hrefWithAccount = useHrefWithAccount();
  const channel = useChannel(channelId);
  const { accounts, isPending: isAccountPending } = useSelectedAccount();
  // The channel's own account decides the zone, whatever account the URL names.
  const account = channel.data ? accounts.find((candidate) => candidate.id === channel.data.accountId) : undefined;
  const backLink = <Link href={hrefWithAccount("/channels")}>← {t("title")}</Link>;

  if (channel.isPending || (channel.data && isAccountPending)) {
    return (
      <>
        <PageHeader eyebrow={backLink} title={<Skeleton width={260} height={28} />} />
        <div className={detailStyles.detailLayout}>
          <Card style={{ padding: 24 }}>
            <Skeleton height={260} />
          </Card>
          <Card style={{ padding: 24 }}>
            <Skeleton height={160} />
          </Card>
        </div>
      </>
    );
  }
  if (channel.isError) {
    const isMissing = isApiError(channel.error) && channel.error.code === "not_found";
    return (
      <>
        <PageHeader eyebrow={backLink} title={t("detail.notFoundTitle")} />
        <Card>
          {isMissing ? (
            <EmptyState
              icon="?"
              title={t("detail.notFoundTitle")}
              actions={<ButtonLink href={hrefWithAccount("/channels")}>{t("detail.backToList")}</ButtonLink>}
            >
              {t("detail.notFoundText")}
            </EmptyState>
          ) : (
            <ErrorState error={channel.error} onRetry={() => channel.refetch()} />
          )}
        </Card>
      </>
    );
  }
  return <ChannelDetail channel={channel.data} account={account} backLink={backLink} />;
}

function ChannelDetail({
  channel,
  account,
  backLink,
}: {
  channel: Channel;
  account: Account | undefined;
  backLink: ReactNode;
}) {
  const t = useTranslations("channels");
  const tAnalytics = useTranslations("analytics");
  const hrefWithAccount = useHrefWithAccount();
  const mayEdit = useMay("editor", channel.accountId);
  const timeZone = account?.timezone ?? "Asia/Shanghai";
  const { params, update } = useStatsParams(timeZone);
  const rangeLabel = useRangeLabel(params, timeZone);
  const filter = useMemo(
    () => ({ accountId: channel.accountId, ...params.range, channelIds: channel.id }),
    [channel.accountId, channel.id, params.range],
  );
  const comparison = useComparison(params, timeZone);
  const summary = useSummary({ ...filter, ...comparison.query });
  const timeseries = useTimeseries({ ...filter, interval: params.interval });
  const previousSeries = useTimeseries({ ...filter, ...comparison.range, interval: params.interval });
  const events = useEventList(
    { accountId: channel.accountId, channelId: channel.id, limit: recentEventCount },
    { refetchIntervalMs: 15_000 },
  );
  const compareHref = hrefWithAccount(`/compare?channels=${channel.id}`);

  return (
    <>
      <PageHeader
        eyebrow={backLink}
        title={channel.name}
        description={
          <span className={detailStyles.headerMeta}>
            <Badge tone={channel.status === "active" ? "green" : channel.status === "expired" ? "amber" : "neutral"}>
              {t(`status.${channel.status}`)}
            </Badge>
            <Badge tone={channel.qr.kind === "permanent" ? "blue" : "amber"}>{t(`kind.${channel.qr.kind}`)}</Badge>
            {channel.group ? <span>{channel.group}</span> : null}
          </span>
        }
        actions={
          <>
            <ExportMenu filter={{ ...filter, ...comparison.query }} interval={params.interval} />
            <ButtonLink href={compareHref}>{tAnalytics("compare.withOthers")}</ButtonLink>
          </>
        }
      />
      <div className={styles.stack}>
        <div className={detailStyles.detailLayout}>
          <ChannelQrCard channel={channel} timeZone={timeZone} />
          <div className={detailStyles.detailColumn}>
            <ChannelCounts counts={channel.counts} timeZone={timeZone} />
            {account?.isSandbox && mayEdit ? (
              <SandboxPanel accountId={channel.accountId} channelId={channel.id} />
            ) : (
              <Card>
                <CardBody>
                  <p className="muted">{t("detail.sandboxOnly")}</p>
                </CardBody>
              </Card>
            )}
          </div>
        </div>
        <div>
          <h2 style={{ fontSize: 16, marginBottom: "var(--space-3)" }}>
            {tAnalytics("channel.rangeTitle", { range: rangeLabel })}
          </h2>
          <RangeToolbar params={params} onChange={update} hasComparison />
          <div className={styles.stack}>
            <KpiCards
              summary={summary.data}
              error={summary.error}
              onRetry={() => summary.refetch()}
              timeZone={timeZone}
              comparison={comparison}
              isRefreshing={summary.isPlaceholderData}
            />
            <TrendPanel
              title={tAnalytics(`trend.title.${params.interval}`)}
              description={rangeLabel}
              points={timeseries.data?.points}
              previousPoints={previousSeries.data?.points}
              comparison={{ name: comparison.name, label: comparison.lineLabel }}
              isRefreshing={timeseries.isPlaceholderData}
              error={timeseries.error}
              onRetry={() => timeseries.refetch()}
              interval={params.interval}
              timeZone={timeZone}
            />
            <RetentionCard
              accountId={channel.accountId}
              channelId={channel.id}
              range={params.range}
              timeZone={timeZone}
              rangeLabel={rangeLabel}
            />
            <Card>
              <CardHeader
                title={t("detail.eventsTitle")}
                description={t("detail.eventsDescription", { count: recentEventCount })}
              />
              <CardBody>
                {events.isPending ? (
                  <SkeletonRows rows={3} />
                ) : events.isError ? (
                  <ErrorState error={events.error} onRetry={() => events.refetch()} />
                ) : events.data.items.length === 0 ? (
                  <EmptyState icon="◌" title={t("detail.noEventsTitle")}>
                    {account?.isSandbox ? t("detail.noEventsSandbox") : t("detail.noEventsText")}
                  </EmptyState>
                ) : (
                  <EventList events={events.data.items} timeZone={timeZone} />
                )}
              </CardBody>
            </Card>
            <HowWeCount timeZone={timeZone} />
          </div>
        </div>
      </div>
    </>
  );
}

function RetentionCard({
  accountId,
  channelId,
  range,
  timeZone,
  rangeLabel,
}: {
  accountId: string;
  channelId: string;
  range: { from: string; to: string };
  timeZone: string;
  rangeLabel: string;
}) {
  const t = useTranslations("analytics.retention");
  const format = useFormatter();
  const formatters = useFormatters(timeZone);
  const curve = useRetentionCurve({ accountId, ...range, channelIds: channelId });
  const formatPercent = (rate: number) => format.number(rate, { style: "percent", maximumFractionDigits: 0 });
  const points = curve.data?.points;
  const hasCohort = (points?.[0]?.eligible ?? 0) > 0;
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description", { range: rangeLabel })} />
      <CardBody>
        {curve.error ? (
          <ErrorState error={curve.error} onRetry={() => curve.refetch()} />
        ) : !points ? (
          <Skeleton height={240} />
        ) : !hasCohort ? (
          <EmptyState icon="↺" title={t("emptyTitle")}>
            {t("emptyText")}
          </EmptyState>
        ) : (
          <>
            <dl
              className={styles.definitions}
              style={{ gridTemplateColumns: "repeat(3, 1fr)", marginBottom: "var(--space-4)" }}
            >
              {[1, 7, 30].map((day) => (
                <div key={day}>
                  <dt className="muted" style={{ fontWeight: 500, fontSize: 13 }}>
                    {t("dayN", { day })}
                  </dt>
                  <dd
                    className="tabular"
                    style={{ fontSize: 20, fontWeight: 600, color: "var(--color-text)" }}
                    data-testid={`retention-d${day}`}
                  >
                    {points[day]?.rate === null || points[day]?.rate === undefined
                      ? "—"
                      : formatPercent(points[day]!.rate!)}
                  </dd>
                </div>
              ))}
            </dl>
            <ChartDownload title={t("title")} subtitle={rangeLabel} fileName={`retention-${range.from}_${range.to}`}>
              <RetentionChart
                points={points}
                formatPercent={formatPercent}
                formatCount={formatters.count}
                dayLabel={(day) => t("dayN", { day })}
                detailLabel={(retained, eligible) => t("detail", { retained, eligible })}
                ariaLabel={t("aria", { range: rangeLabel })}
                thinNote={t("thinNote", { count: formatters.count(thinCohortLimit(points[0]?.eligible ?? 0)) })}
              />
            </ChartDownload>
          </>
        )}
      </CardBody>
    </Card>
  );
}
