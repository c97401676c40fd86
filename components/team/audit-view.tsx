"use client";
// The audit log: newest first, filtered by person, action, object and days; each row says who did
// what to which object, what changed and from which IP. "Load more" pages back; the CSV holds
// every row the filters match.
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState, InlineError } from "@/components/ui/error-state";
import { SkeletonRows } from "@/components/ui/spinner";
import { PageHeader } from "@/components/layout/page-header";
import { AuditFilters, useAuditFilter } from "@/components/team/audit-filters";
import { changesOf, objectNameOf, useAuditWords } from "@/components/team/audit-words";
import { useTeamFormat } from "@/components/team/use-team-format";
import { useAccounts } from "@/lib/client/accounts";
import { auditExportUrl, useAuditLog, usePeople } from "@/lib/client/team";
import styles from "@/components/team/team.module.css";
import tableStyles from "@/components/team/table.module.css";

export function AuditView() {
  const t = useTranslations("team.audit");
  const [filter, setFilter] = useAuditFilter();
  const log = useAuditLog(filter);
  const people = usePeople();
  const accountList = useAccounts();
  const accounts = useMemo(() => accountList.data?.items ?? [], [accountList.data]);
  const format = useTeamFormat(accounts);
  const names = useMemo(
    () =>
      new Map([
        ...(people.data?.items ?? []).map((person) => [person.id, person.email] as const),
        ...accounts.map((account) => [account.id, account.name] as const),
      ]),
    [people.data, accounts],
  );
  const words = useAuditWords(names, format.dateTime);
  const rows = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className={styles.stack}>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardBody>
          <AuditFilters
            filter={filter}
            onChange={setFilter}
            people={people.data?.items ?? []}
            exportUrl={auditExportUrl(filter)}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("listTitle")} description={t("listDescription")} />
        <CardBody>
          {log.isPending ? (
            <SkeletonRows rows={6} height={40} />
          ) : log.error && rows.length === 0 ? (
            <ErrorState error={log.error} onRetry={() => log.refetch()} />
          ) : rows.length === 0 ? (
            <EmptyState title={t("emptyTitle")}>{t("emptyText")}</EmptyState>
          ) : (
            <div className={tableStyles.tableWrap}>
              <table className={`${tableStyles.table} ${tableStyles.stacked}`} data-testid="audit-table">
                <thead>
                  <tr>
                    <th>{t("columns.time")}</th>
                    <th>{t("columns.actor")}</th>
                    <th>{t("columns.action")}</th>
                    <th>{t("columns.object")}</th>
                    <th>{t("columns.changes")}</th>
                    <th>{t("columns.ip")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => {
                    const objectName = objectNameOf(row, names);
                    const changes = changesOf(row.detail);
                    return (
                      <tr key={row.id} data-testid="audit-row" data-action={row.action}>
                        <td className={tableStyles.nowrap}>{format.dateTime(row.createdAt)}</td>
                        <td data-label={t("columns.actor")}>
                          <div>
                            <div className={tableStyles.primaryText}>{row.actor}</div>
                            {row.actorKind === "apiKey" ? (
                              <div className={tableStyles.secondaryText}>{t("viaApiKey")}</div>
                            ) : null}
                          </div>
                        </td>
                        <td data-label={t("columns.action")}>
                          <span className={styles.action} title={row.action}>
                            {words.action(row.action)}
                          </span>
                        </td>
                        <td data-label={t("columns.object")}>
                          {row.objectType ? (
                            <div>
                              <div className={tableStyles.secondaryText}>{words.objectTypeLabel(row.objectType)}</div>
                              {objectName ? <div className={tableStyles.primaryText}>{objectName}</div> : null}
                            </div>
                          ) : (
                            <span className="faint">—</span>
                          )}
                        </td>
                        <td data-label={t("columns.changes")}>
                          {changes.length > 0 ? (
                            <ul className={styles.changes}>
                              {changes.map((change) => (
                                <li key={change.field}>
                                  <b>{words.field(change.field)}:</b>{" "}
                                  {change.isChange
                                    ? `${words.value(change.before)} → ${words.value(change.after)}`
                                    : words.value(change.after)}
                                </li>
                              ))}
                            </ul>
                          ) : (
                            <span className="faint">—</span>
                          )}
                        </td>
                        <td data-label={t("columns.ip")} className={`${tableStyles.nowrap} tabular`}>
                          {row.ip ?? <span className="faint">—</span>}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {log.hasNextPage ? (
            <div className={styles.loadMore}>
              <Button onClick={() => log.fetchNextPage()} isLoading={log.isFetchingNextPage} data-testid="audit-more">
                {t("loadMore")}
              </Button>
            </div>
          ) : null}
          {log.isFetchNextPageError ? <InlineError error={log.error} /> : null}
        </CardBody>
      </Card>
    </div>
  );
}
