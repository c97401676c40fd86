"use client";
// Live: pushes as they arrive (server-sent events read from the database, so it works whichever
// app instance received them) and today's counters, refreshed as pushes come in.
import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { InfoTip } from "@/components/ui/info-tip";
import { Skeleton } from "@/components/ui/spinner";
import { useFormatters } from "@/components/ui/use-formatters";
import { PageHeader } from "@/components/layout/page-header";
import { AccountGate } from "@/components/layout/account-gate";
import { useHrefWithAccount, useSelectedAccount } from "@/components/layout/use-selected-account";
import { useLiveFeed, type LiveStatus } from "@/lib/client/live";
import { rangeForPreset } from "@/lib/client/date-range";
import { statsKeys, useSummary } from "@/lib/client/stats";
import type { Account } from "@/lib/schemas/accounts";
import type { LiveEvent, Summary } from "@/lib/schemas/stats";
import overviewStyles from "@/components/overview/overview.module.css";
import styles from "@/components/analytics/analytics.module.css";

const counterRefreshMs = 1_500;
const typeTone: Record<LiveEvent["type"], BadgeTone> = {
  subscribe: "green",
  scan: "blue",
  unsubscribe: "red",
  other: "neutral",
};
const counters = ["scans", "uniqueScanners", "newFollows", "unfollows", "netFollows"] as const;

export function LiveView() {
  const t = useTranslations("analytics.live");
  const selection = useSelectedAccount();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AccountGate selection={selection}>
        {(account) => <LiveForAccount key={account.id} account={account} />}
      </AccountGate>
    </>
  );
}

function LiveForAccount({ account }: { account: Account }) {
  const t = useTranslations("analytics.live");
  const queryClient = useQueryClient();
  const today = useMemo(() => rangeForPreset("today", account.timezone), [account.timezone]);
  const filter = useMemo(() => ({ accountId: account.id, ...today }), [account.id, today]);
  const summary = useSummary(filter);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Pushes can come by the hundred: today's numbers are re-read at most every 1.5 s.
  const onPush = useCallback(() => {
    if (refreshTimer.current) return;
    refreshTimer.current = setTimeout(() => {
      refreshTimer.current = null;
      void queryClient.invalidateQueries({ queryKey: statsKeys.summary(filter) });
    }, counterRefreshMs);
  }, [queryClient, filter]);
  useEffect(() => () => clearTimeout(refreshTimer.current ?? undefined), []);
  const { events, status } = useLiveFeed(account.id, onPush);

  return (
    <div className={styles.stack}>
      <Card>
        <CardHeader
          title={t("todayTitle")}
          description={t("todayDescription", { timeZone: account.timezone })}
          actions={<StatusBadge status={status} />}
        />
        <CardBody>
          {summary.error ? (
            <ErrorState error={summary.error} onRetry={() => summary.refetch()} />
          ) : (
            <TodayCounters summary={summary.data} timeZone={account.timezone} />
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("feedTitle")} description={t("feedDescription")} />
        <CardBody>
          {events.length === 0 ? (
            <EmptyState icon="◉" title={t("waitingTitle")}>
              {account.isSandbox ? t("waitingSandbox") : t("waitingText")}
            </EmptyState>
          ) : (
            <Feed events={events} timeZone={account.timezone} />
          )}
        </CardBody>
      </Card>
    </div>
  );
}

function StatusBadge({ status }: { status: LiveStatus }) {
  const t = useTranslations("analytics.live");
  return (
    <span className={styles.liveStatus} data-testid="live-status" data-status={status}>
      <span className={`${styles.liveDot} ${status === "open" ? styles.liveDotOpen : ""}`} aria-hidden />
      {t(`status.${status}`)}
    </span>
  );
}

function TodayCounters({ summary, timeZone }: { summary: Summary | undefined; timeZone: string }) {
  const tMetrics = useTranslations("metrics");
  const formatters = useFormatters(timeZone);
  return (
    <dl className={overviewStyles.kpis} style={{ margin: 0 }}>
      {counters.map((metric) => (
        <div key={metric}>
          <dt className={overviewStyles.kpiLabel}>
            {tMetrics(`${metric}.label`)}
            <InfoTip
              label={tMetrics("whatIs", { metric: tMetrics(`${metric}.label`) })}
              text={tMetrics(`${metric}.definition`)}
            />
          </dt>
          <dd style={{ margin: 0 }}>
            {summary ? (
              <TickingValue value={summary[metric]} format={formatters.count} testId={`live-${metric}`} />
            ) : (
              <Skeleton width={72} height={32} style={{ margin: "6px 0" }} />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A number that flashes when it changes: a new value is a new element, so its animation runs. */
function TickingValue({ value, format, testId }: { value: number; format: (value: number) => string; testId: string }) {
  return (
    <span
      key={value}
      className={`${overviewStyles.kpiValue} tabular ${styles.tick}`}
      style={{ display: "block" }}
      data-testid={testId}
    >
      {format(value)}
    </span>
  );
}

function Feed({ events, timeZone }: { events: LiveEvent[]; timeZone: string }) {
  const t = useTranslations("analytics.live");
  const tEvents = useTranslations("events");
  const formatters = useFormatters(timeZone);
  const hrefWithAccount = useHrefWithAccount();
  // Items are keyed by event id: only an arriving push mounts, so only it plays the highlight.
  return (
    <ul className={styles.feed} data-testid="live-feed">
      {events.map((event) => (
        <li key={event.id} className={`${styles.feedItem} ${styles.feedItemNew}`}>
          <Badge tone={typeTone[event.type]}>{tEvents(`type.${event.type}`)}</Badge>
          <span className={styles.feedChannel}>
            {event.channelId ? (
              <Link href={hrefWithAccount(`/channels/${event.channelId}`)}>{event.channelName}</Link>
            ) : event.scene ? (
              <span className="muted">{t("unattributed", { scene: event.scene })}</span>
            ) : (
              <span className="muted">{event.type === "subscribe" ? t("organic") : t("noChannel")}</span>
            )}
          </span>
          <span className="mono faint" title={t("openidNote")}>
            {event.openid}
          </span>
          <time className={`tabular ${styles.feedTime}`} dateTime={event.occurredAt}>
            {formatters.instantWithSeconds(event.occurredAt)}
          </time>
        </li>
      ))}
    </ul>
  );
}
