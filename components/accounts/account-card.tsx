"use client";
// One connected account: its status, what WeChat last did with it (verified, pushed, was refused),
// token health, and the admin's actions. Disabled and rotating accounts say what that means.
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { describeTimeZone } from "@/components/ui/use-formatters";
import { InlineError } from "@/components/ui/error-state";
import { AccountStatusBadge } from "@/components/accounts/account-status-badge";
import { CopyValue } from "@/components/accounts/copy-value";
import { useAccountTimes } from "@/components/accounts/use-account-times";
import { SandboxTestButtons } from "@/components/accounts/sandbox-test-buttons";
import { useEndRotation, useUpdateAccount } from "@/lib/client/accounts";
import type { Account } from "@/lib/schemas/accounts";
import styles from "@/components/accounts/accounts.module.css";

export type AccountDialog = "edit" | "delete" | "rotate";

export function AccountCard({ account, onOpen }: { account: Account; onOpen: (dialog: AccountDialog) => void }) {
  const t = useTranslations("accounts");
  const locale = useLocale();
  const times = useAccountTimes(account.timezone);
  const update = useUpdateAccount();
  const endRotation = useEndRotation();
  const { health } = account;
  const isDisabled = health.status === "disabled";
  const when = (iso: string | null) => (iso ? times.instant(iso) : t("card.never"));

  return (
    <Card data-testid="account-card" data-account-name={account.name}>
      <CardHeader
        title={
          <span className={styles.titleRow}>
            {account.name}
            <AccountStatusBadge status={health.status} />
          </span>
        }
        description={
          <span className={styles.meta}>
            {t("card.appId")} {account.appId} · {t(`mode.${account.mode}`)} ·{" "}
            {describeTimeZone(account.timezone, locale)}
          </span>
        }
      />
      <CardBody>
        <dl className={styles.facts}>
          <div className={styles.fact}>
            <dt>{t("card.lastVerified")}</dt>
            <dd data-testid="last-verified">{when(health.lastVerifiedAt)}</dd>
          </div>
          <div className={styles.fact}>
            <dt>{t("card.lastPush")}</dt>
            <dd data-testid="last-push">
              {when(health.lastPushAt)}
              {health.lastPushAt ? <div className={styles.faint}>{t("card.pushTimeNote")}</div> : null}
            </dd>
          </div>
          <div className={styles.fact}>
            <dt>{t("card.accessToken")}</dt>
            <dd>
              {health.hasValidAccessToken && health.accessTokenExpiresAt
                ? t("card.tokenValid", { time: times.instant(health.accessTokenExpiresAt) })
                : t("card.tokenMissing")}
            </dd>
          </div>
          <div className={styles.fact}>
            <dt>{t("card.lastError")}</dt>
            <dd data-testid="last-error">
              {health.lastError && health.lastErrorAt ? (
                <>
                  <span className={styles.errorText}>
                    {t(`card.errorSource.${health.lastError.source}`)}: {health.lastError.message}
                  </span>
                  <div className={styles.faint}>{times.instant(health.lastErrorAt)}</div>
                </>
              ) : (
                t("card.none")
              )}
            </dd>
          </div>
        </dl>
        <div className={styles.serverUrl}>
          <CopyValue label={t("card.serverUrl")} value={account.webhookUrl} />
        </div>

        {account.isSandbox ? <p className={styles.note}>{t("card.sandboxNote")}</p> : null}
        {isDisabled ? (
          <p className={`${styles.note} ${styles.noteWarning}`} data-testid="disabled-note">
            {t("card.disabledNote")}
          </p>
        ) : null}
        {health.rotationStartedAt ? (
          <div className={`${styles.note} ${styles.noteWarning} ${styles.noteRow}`} data-testid="rotation-note">
            <span>{t("card.rotationNote", { time: times.instant(health.rotationStartedAt) })}</span>
            <Button size="small" isLoading={endRotation.isPending} onClick={() => endRotation.mutate(account.id)}>
              {t("actions.endRotation")}
            </Button>
          </div>
        ) : null}
        {update.error ? <InlineError error={update.error} /> : null}
        {endRotation.error ? <InlineError error={endRotation.error} /> : null}

        <div className={styles.actions}>
          <Button size="small" onClick={() => onOpen("edit")}>
            {t("actions.edit")}
          </Button>
          <Button
            size="small"
            isLoading={update.isPending}
            onClick={() => update.mutate({ id: account.id, input: { isDisabled: !isDisabled } })}
          >
            {isDisabled ? t("actions.enable") : t("actions.disable")}
          </Button>
          {health.rotationStartedAt ? null : (
            <Button size="small" onClick={() => onOpen("rotate")}>
              {t("actions.rotate")}
            </Button>
          )}
          {account.isEmulated ? <SandboxTestButtons accountId={account.id} /> : null}
          {account.isSandbox ? null : (
            <Button size="small" variant="ghost" className={styles.actionsEnd} onClick={() => onOpen("delete")}>
              {t("actions.delete")}
            </Button>
          )}
        </div>
      </CardBody>
    </Card>
  );
}
