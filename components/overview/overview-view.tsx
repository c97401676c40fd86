"use client";
// Overview: the last 30 days of the selected account, in its own time zone.
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/layout/page-header";
import { AccountGate } from "@/components/layout/account-gate";
import { useHrefWithAccount, useSelectedAccount } from "@/components/layout/use-selected-account";
import { useFormatters } from "@/components/ui/use-formatters";
import { GettingStarted } from "@/components/overview/getting-started";
import { KpiCards, SummaryContext } from "@/components/overview/kpi-cards";
import { TopChannels } from "@/components/overview/top-channels";
import { TrendCard } from "@/components/overview/trend-card";
import { useChannelList } from "@/lib/client/channels";
import { lastDaysRange } from "@/lib/client/date-range";
import { useSummary, useTimeseries } from "@/lib/client/stats";
import type { Account } from "@/lib/schemas/accounts";

const rangeDays = 30;

export function OverviewView() {
  const t = useTranslations("overview");
  const selection = useSelectedAccount();
  const hrefWithAccount = useHrefWithAccount();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={selection.account ? <RangeDescription account={selection.account} /> : t("description")}
        actions={
          <ButtonLink href={hrefWithAccount("/channels")} variant="primary">
            {t("newChannel")}
          </ButtonLink>
        }
      />
      <AccountGate selection={selection}>{(account) => <OverviewForAccount key={account.id} account={account} />}</AccountGate>
    </>
  );
}

function useRange(timeZone: string) {
  // Computed once per account: a dashboard left open over midnight keeps its range until reload.
  return useMemo(() => lastDaysRange(rangeDays, timeZone), [timeZone]);
}

function RangeDescription({ account }: { account: Account }) {
  const t = useTranslations("overview");
  const formatters = useFormatters(account.timezone);
  const range = useRange(account.timezone);
  return (
    <>
      {t("rangeDescription", {
        days: rangeDays,
        from: formatters.calendarDate(range.from, "range"),
        to: formatters.calendarDate(range.to, "range"),
        timeZone: account.timezone,
      })}
    </>
  );
}

function OverviewForAccount({ account }: { account: Account }) {
  const t = useTranslations("overview");
  const formatters = useFormatters(account.timezone);
  const range = useRange(account.timezone);
  const filter = useMemo(() => ({ accountId: account.id, ...range }), [account.id, range]);
  const summary = useSummary(filter);
  const timeseries = useTimeseries(filter);
  const channels = useChannelList({ accountId: account.id, limit: 500 });

  const hasNoChannels = channels.data?.items.length === 0;
  const hasNoActivity = summary.data ? summary.data.scans === 0 && summary.data.organicFollows === 0 && summary.data.unfollows === 0 : false;
  const rangeLabel = t("rangeLabel", { from: formatters.calendarDate(range.from, "range"), to: formatters.calendarDate(range.to, "range") });

  return (
    <>
      <KpiCards summary={summary.data} error={summary.error} onRetry={() => summary.refetch()} timeZone={account.timezone} rangeDays={rangeDays} />
      {summary.data && !hasNoActivity ? <SummaryContext summary={summary.data} timeZone={account.timezone} /> : null}
      {hasNoChannels && hasNoActivity ? (
        <GettingStarted isSandbox={account.isSandbox} />
      ) : (
        <>
          <TrendCard points={timeseries.data?.points} error={timeseries.error} onRetry={() => timeseries.refetch()} timeZone={account.timezone} rangeLabel={rangeLabel} />
          <TopChannels channels={channels.data?.items} error={channels.error} onRetry={() => channels.refetch()} timeZone={account.timezone} />
        </>
      )}
    </>
  );
}
