"use client";
// API keys: named keys for scripts and BI tools, each with a role, accounts and expiry; when and
// from where each was last used; revoked at once. Admins only.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState, InlineError } from "@/components/ui/error-state";
import { SkeletonRows } from "@/components/ui/spinner";
import { PageHeader } from "@/components/layout/page-header";
import { ApiKeyCreateDialog } from "@/components/team/api-key-create-dialog";
import { useTeamFormat } from "@/components/team/use-team-format";
import { useAccounts } from "@/lib/client/accounts";
import { useApiKeys, useRevokeApiKey } from "@/lib/client/team";
import type { ApiKeySummary } from "@/lib/schemas/team";
import styles from "@/components/team/team.module.css";
import tableStyles from "@/components/team/table.module.css";

function statusOf(key: ApiKeySummary): "revoked" | "expired" | "active" {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && Date.parse(key.expiresAt) <= Date.now()) return "expired";
  return "active";
}

export function ApiKeysView() {
  const t = useTranslations("team.apiKeys");
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const accounts = useAccounts().data?.items ?? [];
  const format = useTeamFormat(accounts);
  const [isCreating, setIsCreating] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const openCreate = () => setIsCreating(true);

  return (
    <div className={styles.stack}>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button variant="primary" onClick={openCreate} data-testid="open-create-api-key">
            {t("create")}
          </Button>
        }
      />
      <Card>
        <CardHeader title={t("listTitle")} description={t("listDescription")} />
        <CardBody>
          {keys.isPending ? (
            <SkeletonRows rows={3} height={44} />
          ) : keys.error ? (
            <ErrorState error={keys.error} onRetry={() => keys.refetch()} />
          ) : keys.data.items.length === 0 ? (
            <EmptyState title={t("emptyTitle")} actions={<Button onClick={openCreate}>{t("create")}</Button>}>
              {t("emptyText")}
            </EmptyState>
          ) : (
            <div className={tableStyles.tableWrap}>
              <table className={`${tableStyles.table} ${tableStyles.stacked}`} data-testid="api-keys-table">
                <thead>
                  <tr>
                    <th>{t("columns.name")}</th>
                    <th>{t("columns.access")}</th>
                    <th>{t("columns.created")}</th>
                    <th>{t("columns.expires")}</th>
                    <th>{t("columns.lastUsed")}</th>
                    <th>{t("columns.status")}</th>
                    <th>
                      <span className="visually-hidden">{t("columns.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {keys.data.items.map((key) => {
                    const status = statusOf(key);
                    return (
                      <tr
                        key={key.id}
                        data-testid="api-key-row"
                        className={status === "active" ? "" : tableStyles.dimmed}
                      >
                        <td>
                          <div>
                            <div className={tableStyles.primaryText}>{key.name}</div>
                            <code className={tableStyles.secondaryText}>{key.prefix}…</code>
                          </div>
                        </td>
                        <td data-label={t("columns.access")}>
                          <ul className={tableStyles.grantList}>
                            {key.allAccounts ? (
                              <li>{format.access({ role: key.role, allAccounts: true, grants: [] })[0]}</li>
                            ) : (
                              <>
                                <li>{format.role(key.role)}</li>
                                {key.accountIds.map((id) => (
                                  <li key={id} className={tableStyles.secondaryText}>
                                    {format.accountName(id)}
                                  </li>
                                ))}
                              </>
                            )}
                          </ul>
                        </td>
                        <td data-label={t("columns.created")}>
                          <div>
                            <div className={tableStyles.nowrap}>{format.date(key.createdAt)}</div>
                            {key.createdBy ? <div className={tableStyles.secondaryText}>{key.createdBy}</div> : null}
                          </div>
                        </td>
                        <td data-label={t("columns.expires")} className={tableStyles.nowrap}>
                          {key.expiresAt ? format.date(key.expiresAt) : <span className="faint">{t("noExpiry")}</span>}
                        </td>
                        <td data-label={t("columns.lastUsed")}>
                          {key.lastUsedAt ? (
                            <div>
                              <div className={tableStyles.nowrap} title={format.dateTime(key.lastUsedAt)}>
                                {format.relative(key.lastUsedAt)}
                              </div>
                              {key.lastUsedIp ? (
                                <div className={tableStyles.secondaryText}>{key.lastUsedIp}</div>
                              ) : null}
                            </div>
                          ) : (
                            <span className="faint">{t("neverUsed")}</span>
                          )}
                        </td>
                        <td data-label={t("columns.status")}>
                          <Badge tone={status === "active" ? "green" : status === "expired" ? "amber" : "red"}>
                            {t(`status.${status}`)}
                          </Badge>
                        </td>
                        <td className={tableStyles.actionsCell}>
                          {status === "revoked" ? null : confirming === key.id ? (
                            <span className={tableStyles.badges}>
                              <Button
                                size="small"
                                variant="danger"
                                isLoading={revoke.isPending}
                                onClick={() => revoke.mutate(key.id, { onSettled: () => setConfirming(null) })}
                                data-testid="api-key-revoke-confirm"
                              >
                                {t("confirmRevoke")}
                              </Button>
                              <Button size="small" variant="ghost" onClick={() => setConfirming(null)}>
                                {t("keep")}
                              </Button>
                            </span>
                          ) : (
                            <Button size="small" onClick={() => setConfirming(key.id)} data-testid="api-key-revoke">
                              {t("revoke")}
                            </Button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {revoke.error ? <InlineError error={revoke.error} /> : null}
        </CardBody>
      </Card>
      {isCreating ? <ApiKeyCreateDialog accounts={accounts} onClose={() => setIsCreating(false)} /> : null}
    </div>
  );
}
