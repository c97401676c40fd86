"use client";
// Where I am signed in: each session's device, IP and last activity, "this browser" marked;
// end one, or every one but this.
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState, InlineError } from "@/components/ui/error-state";
import { SkeletonRows } from "@/components/ui/spinner";
import { describeUserAgent } from "@/components/team/user-agent";
import { useTeamFormat } from "@/components/team/use-team-format";
import { useEndOtherSessions, useEndSession, useOwnSessions } from "@/lib/client/team";
import styles from "@/components/team/team.module.css";
import tableStyles from "@/components/team/table.module.css";

export function SessionsCard() {
  const t = useTranslations("team.profile.sessions");
  const sessions = useOwnSessions();
  const endOne = useEndSession();
  const endOthers = useEndOtherSessions();
  const format = useTeamFormat();
  const others = (sessions.data?.items ?? []).filter((session) => !session.current);

  function deviceOf(userAgent: string | null): string {
    const { browser, system } = describeUserAgent(userAgent);
    if (browser && system) return t("device", { browser, system });
    return browser ?? system ?? t("unknownDevice");
  }

  return (
    <Card data-testid="sessions-card">
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        {sessions.isPending ? (
          <SkeletonRows rows={2} height={44} />
        ) : sessions.error ? (
          <ErrorState error={sessions.error} onRetry={() => sessions.refetch()} />
        ) : (
          <ul className={styles.sessionList}>
            {sessions.data.items.map((session) => (
              <li key={session.id} className={styles.sessionItem} data-testid="session-row">
                <div className={styles.sessionText}>
                  <span className={tableStyles.primaryText}>
                    {deviceOf(session.userAgent)}{" "}
                    {session.current ? <Badge tone="green">{t("thisBrowser")}</Badge> : null}
                  </span>
                  <span className={tableStyles.secondaryText}>
                    {t("detail", {
                      ip: session.ip ?? t("unknownIp"),
                      lastSeen: format.relative(session.lastSeenAt),
                      since: format.date(session.createdAt),
                    })}
                  </span>
                </div>
                {session.current ? null : (
                  <Button
                    size="small"
                    isLoading={endOne.isPending && endOne.variables === session.id}
                    onClick={() => endOne.mutate(session.id)}
                  >
                    {t("end")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        {endOne.error ? <InlineError error={endOne.error} /> : null}
        {endOthers.error ? <InlineError error={endOthers.error} /> : null}
        <div className={styles.cardFooter}>
          <Button
            variant="danger"
            disabled={others.length === 0}
            isLoading={endOthers.isPending}
            onClick={() => endOthers.mutate()}
            data-testid="end-other-sessions"
          >
            {t("endOthers")}
          </Button>
          {endOthers.data ? (
            <span className="muted" role="status">
              {t("ended", { count: endOthers.data.ended })}
            </span>
          ) : others.length === 0 && sessions.data ? (
            <span className="muted">{t("onlyThis")}</span>
          ) : null}
        </div>
      </CardBody>
    </Card>
  );
}
