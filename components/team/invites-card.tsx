"use client";
// Invitations still waiting to be accepted, each revocable (a revoked link stops working at once).
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState, InlineError } from "@/components/ui/error-state";
import { SkeletonRows } from "@/components/ui/spinner";
import { useTeamFormat } from "@/components/team/use-team-format";
import { useInvites, useRevokeInvite } from "@/lib/client/team";
import type { Account } from "@/lib/schemas/accounts";
import type { InviteSummary } from "@/lib/schemas/team";
import tableStyles from "@/components/team/table.module.css";

function isOpen(invite: InviteSummary): boolean {
  return !invite.acceptedAt && !invite.revokedAt && Date.parse(invite.expiresAt) > Date.now();
}

export function InvitesCard({ accounts }: { accounts: Account[] }) {
  const t = useTranslations("team.invites");
  const invites = useInvites();
  const revoke = useRevokeInvite();
  const format = useTeamFormat(accounts);
  const [confirming, setConfirming] = useState<string | null>(null);
  const open = (invites.data?.items ?? []).filter(isOpen);

  return (
    <Card data-testid="invites-card">
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        {invites.isPending ? (
          <SkeletonRows rows={2} />
        ) : invites.error ? (
          <ErrorState error={invites.error} onRetry={() => invites.refetch()} />
        ) : open.length === 0 ? (
          <p className="muted">{t("empty")}</p>
        ) : (
          <div className={tableStyles.tableWrap}>
            <table className={`${tableStyles.table} ${tableStyles.stacked}`}>
              <thead>
                <tr>
                  <th>{t("columns.email")}</th>
                  <th>{t("columns.access")}</th>
                  <th>{t("columns.expires")}</th>
                  <th>
                    <span className="visually-hidden">{t("columns.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {open.map((invite) => (
                  <tr key={invite.id} data-testid="invite-row">
                    <td className={tableStyles.primaryText}>{invite.email}</td>
                    <td data-label={t("columns.access")}>
                      <ul className={tableStyles.grantList}>
                        {format.access(invite).map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    </td>
                    <td data-label={t("columns.expires")} className={tableStyles.nowrap}>
                      {format.dateTime(invite.expiresAt)}
                    </td>
                    <td className={tableStyles.actionsCell}>
                      {confirming === invite.id ? (
                        <span className={tableStyles.badges}>
                          <Button
                            size="small"
                            variant="danger"
                            isLoading={revoke.isPending}
                            onClick={() => revoke.mutate(invite.id, { onSettled: () => setConfirming(null) })}
                          >
                            {t("confirmRevoke")}
                          </Button>
                          <Button size="small" variant="ghost" onClick={() => setConfirming(null)}>
                            {t("keep")}
                          </Button>
                        </span>
                      ) : (
                        <Button size="small" onClick={() => setConfirming(invite.id)}>
                          {t("revoke")}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {revoke.error ? <InlineError error={revoke.error} /> : null}
      </CardBody>
    </Card>
  );
}
