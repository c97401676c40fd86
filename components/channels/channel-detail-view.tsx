"use client";
// One channel: its code, its counts, a test scan (sandbox accounts), its last 30 days and what
// happened lately.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton, SkeletonRows } from "@/components/ui/spinner";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/layout/page-header";
import { useHrefWithAccount, useSelectedAccount } from "@/components/layout/use-selected-account";
import { ChannelCounts } from "@/components/channels/channel-counts";
import { ChannelQrCard } from "@/components/channels/channel-qr-card";
import { EventList } from "@/components/channels/event-list";
import { SandboxPanel } from "@/components/channels/sandbox-panel";
import { TrendCard } from "@/components/overview/trend-card";
import { useFormatters } from "@/components/ui/use-formatters";
import { useChannel } from "@/lib/client/channels";
import { lastDaysRange } from "@/lib/client/date-range";
import { useEventList } from "@/lib/client/events";
import { useTimeseries } from "@/lib/client/stats";
import { isApiError } from "@/lib/client/http";
import type { Account } from "@/lib/schemas/accounts";
import type { Channel } from "@/lib/schemas/channels";
import styles from "@/components/channels/channel-detail.module.css";

const recentEventCount = 15;
const trendDays = 30;

export function ChannelDetailView({ channelId }: { channelId: string }) {
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
        <div className={styles.detailLayout}>
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
            <EmptyState icon="?" title={t("detail.notFoundTitle")} actions={<ButtonLink href={hrefWithAccount("/channels")}>{t("detail.backToList")}</ButtonLink>}>
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

function ChannelDetail({ channel, account, backLink }: { channel: Channel; account: Account | undefined; backLink: ReactNode }) {
  const t = useTranslations("channels");
  const tOverview = useTranslations("overview");
  const timeZone = account?.timezone ?? "Asia/Shanghai";
  const events = useEventList({ accountId: channel.accountId, channelId: channel.id, limit: recentEventCount }, { refetchIntervalMs: 15_000 });
  const formatters = useFormatters(timeZone);
  const range = useMemo(() => lastDaysRange(trendDays, timeZone), [timeZone]);
  const timeseries = useTimeseries({ accountId: channel.accountId, ...range, channelIds: channel.id });

  return (
    <>
      <PageHeader
        eyebrow={backLink}
        title={channel.name}
        description={
          <span className={styles.headerMeta}>
            <Badge tone={channel.status === "active" ? "green" : channel.status === "expired" ? "amber" : "neutral"}>{t(`status.${channel.status}`)}</Badge>
            <Badge tone={channel.qr.kind === "permanent" ? "blue" : "amber"}>{t(`kind.${channel.qr.kind}`)}</Badge>
            {channel.group ? <span>{channel.group}</span> : null}
          </span>
        }
      />
      <div className={styles.detailLayout}>
        <ChannelQrCard channel={channel} timeZone={timeZone} />
        <div className={styles.detailColumn}>
          <ChannelCounts counts={channel.counts} timeZone={timeZone} />
          {account?.isSandbox ? (
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
      <TrendCard
        title={t("detail.trendTitle", { days: trendDays })}
        points={timeseries.data?.points}
        error={timeseries.error}
        onRetry={() => timeseries.refetch()}
        timeZone={timeZone}
        rangeLabel={tOverview("rangeLabel", { from: formatters.calendarDate(range.from, "range"), to: formatters.calendarDate(range.to, "range") })}
      />
      <Card>
        <CardHeader title={t("detail.eventsTitle")} description={t("detail.eventsDescription", { count: recentEventCount })} />
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
    </>
  );
}
