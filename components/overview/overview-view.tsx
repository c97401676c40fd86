"use client";
// Overview: the selected account's range (last 30 days unless the URL says otherwise) in its own
// time zone: headline numbers against the previous period, the trend, the top channels, groups
// side by side, and where follows came from.
import { useFormatters } from "@/components/ui/use-formatters";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { EmptyState } from "@/components/ui/empty-state";
import { SkeletonRows } from "@/components/ui/spinner";
import { PageHeader } from "@/components/layout/page-header";
import { AccountGate } from "@/components/layout/account-gate";
import { useHrefWithAccount, useSelectedAccount } from "@/components/layout/use-selected-account";
import { GettingStarted } from "@/components/overview/getting-started";
import { KpiCards, SummaryContext } from "@/components/overview/kpi-cards";
import { RangeToolbar } from "@/components/analytics/range-toolbar";
import { useStatsFilter, useStatsParams } from "@/components/analytics/use-stats-params";
import { useRangeLabel } from "@/components/analytics/use-range-label";
import { TrendPanel } from "@/components/analytics/trend-panel";
import { ChannelRanking } from "@/components/analytics/channel-ranking";
import { GroupComparison } from "@/components/analytics/group-comparison";
import { FollowSources } from "@/components/analytics/follow-sources";
import { HowWeCount } from "@/components/analytics/how-we-count";
import { ExportMenu } from "@/components/reports/export-menu";
import { filterChoiceLimit, useChannelList } from "@/lib/client/channels";
import { useComparison } from "@/components/analytics/use-comparison";
import { useChannelStats, useSummary, useTimeseries } from "@/lib/client/stats";
import type { Account } from "@/lib/schemas/accounts";
import styles from "@/components/analytics/analytics.module.css";

const topChannelCount = 10;

export function OverviewView() {
  const t = useTranslations("overview");
  const tAnalytics = useTranslations("analytics");
  const selection = useSelectedAccount();
  const hrefWithAccount = useHrefWithAccount();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={selection.account ? <RangeDescription account={selection.account} /> : t("description")}
        actions={
          <>
            <ButtonLink href={hrefWithAccount("/live")} data-testid="open-live">
              {tAnalytics("live.title")}
            </ButtonLink>
            <ButtonLink href={hrefWithAccount("/compare")} data-testid="open-compare">
              {tAnalytics("compare.title")}
            </ButtonLink>
            <ButtonLink href={hrefWithAccount("/channels?create=1")} variant="primary">
              {t("newChannel")}
            </ButtonLink>
          </>
        }
      />
      <AccountGate selection={selection}>
        {(account) => <OverviewForAccount key={account.id} account={account} />}
      </AccountGate>
    </>
  );
}

function RangeDescription({ account }: { account: Account }) {
  const { params } = useStatsParams(account.timezone);
  const rangeLabel = useRangeLabel(params, account.timezone);
  const { zoneName } = useFormatters(account.timezone);
  return <>{`${rangeLabel} · ${zoneName()}`}</>;
}

function OverviewForAccount({ account }: { account: Account }) {
  const t = useTranslations("analytics");
  const hrefWithAccount = useHrefWithAccount();
  const { params, update } = useStatsParams(account.timezone);
  const rangeLabel = useRangeLabel(params, account.timezone);
  const filter = useStatsFilter(account.id, params);
  const comparison = useComparison(params, account.timezone);
  const summary = useSummary({ ...filter, ...comparison.query });
  const timeseries = useTimeseries({ ...filter, interval: params.interval });
  const previousSeries = useTimeseries({ ...filter, ...comparison.range, interval: params.interval });
  const channelStats = useChannelStats(filter);
  const channels = useChannelList({ accountId: account.id, limit: filterChoiceLimit });
  const choices = useMemo(
    () => (channels.data?.items ?? []).map((channel) => ({ id: channel.id, name: channel.name, group: channel.group })),
    [channels.data],
  );

  const isFiltered = params.channelIds.length > 0 || params.groups.length > 0;
  const hasNoChannels = channels.data?.items.length === 0;
  const hasNoActivity = summary.data
    ? summary.data.scans === 0 &&
      summary.data.organicFollows === 0 &&
      summary.data.unfollows === 0 &&
      summary.data.previous.scans === 0
    : false;
  const channelHref = (channelId: string) => hrefWithAccount(`/channels/${channelId}`);

  return (
    <>
      <RangeToolbar params={params} onChange={update} channels={choices} hasComparison />
      <div className={styles.exportRow}>
        <ExportMenu filter={{ ...filter, ...comparison.query }} interval={params.interval} />
      </div>
      <div className={styles.stack}>
        <KpiCards
          summary={summary.data}
          error={summary.error}
          onRetry={() => summary.refetch()}
          timeZone={account.timezone}
          comparison={comparison}
          isRefreshing={summary.isPlaceholderData}
        />
        {summary.data ? (
          <SummaryContext
            summary={summary.data}
            timeZone={account.timezone}
            unattributedHref={hrefWithAccount("/channels/unattributed")}
          />
        ) : null}
        {hasNoChannels && hasNoActivity && !isFiltered ? (
          <GettingStarted isSandbox={account.isSandbox} />
        ) : (
          <>
            <TrendPanel
              title={t(`trend.title.${params.interval}`)}
              description={rangeLabel}
              points={timeseries.data?.points}
              previousPoints={previousSeries.data?.points}
              comparison={{ name: comparison.name, label: comparison.lineLabel }}
              isRefreshing={timeseries.isPlaceholderData}
              error={timeseries.error}
              onRetry={() => timeseries.refetch()}
              interval={params.interval}
              timeZone={account.timezone}
            />
            <div className={styles.grid}>
              <Card>
                <CardHeader
                  title={t("channels.topTitle")}
                  description={t("channels.topDescription", { range: rangeLabel })}
                  actions={
                    <ButtonLink href={hrefWithAccount("/channels")} size="small" variant="ghost">
                      {t("channels.all")} →
                    </ButtonLink>
                  }
                />
                <CardBody>
                  {channelStats.error ? (
                    <ErrorState error={channelStats.error} onRetry={() => channelStats.refetch()} />
                  ) : !channelStats.data ? (
                    <SkeletonRows rows={5} />
                  ) : channelStats.data.rows.length === 0 ? (
                    <EmptyState icon="▦" title={t("channels.emptyTitle")}>
                      {isFiltered ? t("channels.emptyFiltered") : t("channels.emptyText")}
                    </EmptyState>
                  ) : (
                    <div className={channelStats.isPlaceholderData ? styles.isRefreshing : undefined}>
                      <ChannelRanking
                        rows={channelStats.data.rows.slice(0, topChannelCount)}
                        timeZone={account.timezone}
                        hrefFor={channelHref}
                      />
                    </div>
                  )}
                </CardBody>
              </Card>
              <div className={styles.stack}>
                {channelStats.data ? (
                  <GroupComparison rows={channelStats.data.rows} timeZone={account.timezone} />
                ) : null}
                {summary.data ? (
                  <FollowSources summary={summary.data} timeZone={account.timezone} isFiltered={isFiltered} />
                ) : null}
              </div>
            </div>
          </>
        )}
        <HowWeCount timeZone={account.timezone} />
      </div>
    </>
  );
}
