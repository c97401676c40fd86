"use client";
// Connecting an official account in WeChat's own order: AppID + AppSecret (tested at once) →
// Token, EncodingAESKey, mode and time zone → the four values to paste into 公众平台 → WeChat's URL
// verification arriving live → the first push. The account is polled every 2 s while waiting.
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { describeTimeZone } from "@/components/ui/use-formatters";
import { CopyValue } from "@/components/accounts/copy-value";
import { CredentialsStep, type TestedCredentials } from "@/components/accounts/credentials-step";
import { SettingsStep, type ConnectedAccount } from "@/components/accounts/settings-step";
import { SandboxTestButtons } from "@/components/accounts/sandbox-test-buttons";
import { useAccountTimes } from "@/components/accounts/use-account-times";
import { useAccount, useRefreshAccountList } from "@/lib/client/accounts";
import styles from "@/components/accounts/accounts.module.css";

const pollMs = 2_000;
const stepKeys = ["credentials", "settings", "paste", "verify", "firstPush"] as const;
type StepKey = (typeof stepKeys)[number];

export function ConnectWizard({ onClose }: { onClose: () => void }) {
  const t = useTranslations("accounts");
  const locale = useLocale();
  const [credentials, setCredentials] = useState<TestedCredentials | null>(null);
  const [connected, setConnected] = useState<ConnectedAccount | null>(null);
  const live = useAccount(connected?.account.id ?? null, {
    pollMs,
    pollWhile: (account) => !account?.health.lastPushAt,
  });
  const health = live.data?.health ?? connected?.account.health;
  const refreshList = useRefreshAccountList();
  const lastVerifiedAt = health?.lastVerifiedAt;
  const lastPushAt = health?.lastPushAt;
  useEffect(() => {
    // The cards below show the same health: bring them along when something arrives.
    if (lastVerifiedAt || lastPushAt) void refreshList();
  }, [lastVerifiedAt, lastPushAt]); // eslint-disable-line react-hooks/exhaustive-deps
  const hasHeardFromWechat = Boolean(health?.lastVerifiedAt || health?.lastPushAt);
  const current: StepKey = !credentials
    ? "credentials"
    : !connected
      ? "settings"
      : hasHeardFromWechat
        ? "firstPush"
        : "verify";
  const isDone = Boolean(health?.lastPushAt);

  const summary = (text: string) => <p className={styles.stepSummary}>{text}</p>;
  const bodies: Record<StepKey, ReactNode> = {
    credentials: credentials ? (
      summary(t("wizard.summary.credentials", { appId: credentials.appId }))
    ) : (
      <CredentialsStep onTested={setCredentials} />
    ),
    settings: connected
      ? summary(
          t("wizard.summary.settings", {
            name: connected.account.name,
            mode: t(`mode.${connected.account.mode}`),
            zone: describeTimeZone(connected.account.timezone, locale),
          }),
        )
      : credentials && (
          <SettingsStep credentials={credentials} onBack={() => setCredentials(null)} onCreated={setConnected} />
        ),
    paste: connected ? <PasteValues connected={connected} /> : null,
    verify: connected ? <VerificationStatus connected={connected} verifiedAt={health?.lastVerifiedAt ?? null} /> : null,
    firstPush:
      connected && hasHeardFromWechat ? (
        <FirstPushStatus connected={connected} pushedAt={health?.lastPushAt ?? null} onClose={onClose} />
      ) : null,
  };

  return (
    <Card data-testid="connect-wizard">
      <CardHeader
        title={t("wizard.title")}
        actions={
          <Button size="small" variant="ghost" onClick={onClose}>
            {isDone ? t("actions.close") : t("actions.cancel")}
          </Button>
        }
      />
      <CardBody>
        <ol className={styles.steps}>
          {stepKeys.map((key, index) => {
            const position = stepKeys.indexOf(current);
            const state =
              isDone || index < position || (key === "paste" && connected)
                ? styles.stepDone
                : index === position
                  ? styles.stepActive
                  : styles.stepPending;
            return (
              <li
                key={key}
                className={`${styles.step} ${state}`}
                aria-current={index === position ? "step" : undefined}
              >
                <span className={styles.stepNumber} aria-hidden>
                  {index + 1}
                </span>
                <div>
                  <h3 className={styles.stepTitle}>{t(`wizard.steps.${key}`)}</h3>
                  {bodies[key]}
                </div>
              </li>
            );
          })}
        </ol>
      </CardBody>
    </Card>
  );
}

function PasteValues({ connected }: { connected: ConnectedAccount }) {
  const t = useTranslations("accounts.wizard");
  const { account } = connected;
  return (
    <div className={styles.stepBody}>
      <p className={styles.meta}>{t("pasteIntro")}</p>
      <div className={styles.pasteBox}>
        <CopyValue label={t("field.url")} value={account.webhookUrl} testId="paste-url" />
        <CopyValue label={t("field.token")} value={connected.token} testId="paste-token" />
        <CopyValue label={t("field.encodingAESKey")} value={connected.encodingAESKey} testId="paste-aes-key" />
        <CopyValue label={t("field.mode")} value={t(`modeInWechat.${account.mode}`)} testId="paste-mode" />
      </div>
      <p className={styles.faint}>{t("shownOnce")}</p>
    </div>
  );
}

function VerificationStatus({ connected, verifiedAt }: { connected: ConnectedAccount; verifiedAt: string | null }) {
  const t = useTranslations("accounts.wizard");
  const locale = useLocale();
  const times = useAccountTimes(connected.account.timezone);
  if (verifiedAt) {
    return (
      <div className={styles.stepBody}>
        <p className={styles.arrived} data-testid="verified-at" role="status">
          {t("verifiedAt", { time: times.clock(verifiedAt) })}{" "}
          <span className={styles.faint}>
            {t("zoneNote", { zone: describeTimeZone(connected.account.timezone, locale) })}
          </span>
        </p>
        <p className={styles.meta}>{t("enableHint")}</p>
      </div>
    );
  }
  return (
    <div className={styles.stepBody}>
      <p className={styles.waiting} role="status">
        <Spinner /> {t("waitingVerification")}
      </p>
      {connected.account.isEmulated ? (
        <div className={styles.buttonRow}>
          <SandboxTestButtons accountId={connected.account.id} only="verification" />
        </div>
      ) : null}
    </div>
  );
}

function FirstPushStatus({
  connected,
  pushedAt,
  onClose,
}: {
  connected: ConnectedAccount;
  pushedAt: string | null;
  onClose: () => void;
}) {
  const t = useTranslations("accounts.wizard");
  const times = useAccountTimes(connected.account.timezone);
  if (pushedAt) {
    return (
      <div className={styles.stepBody}>
        <p className={styles.arrived} data-testid="first-push-at" role="status">
          {t("firstPushAt", { time: times.clock(pushedAt) })}
        </p>
        <p className={styles.success}>{t("done")}</p>
        <div className={styles.buttonRow}>
          <Button variant="primary" onClick={onClose}>
            {t("finish")}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <div className={styles.stepBody}>
      <p className={styles.waiting} role="status">
        <Spinner /> {t("waitingPush")}
      </p>
      {connected.account.isEmulated ? (
        <div className={styles.buttonRow}>
          <SandboxTestButtons accountId={connected.account.id} only="scan" />
        </div>
      ) : null}
    </div>
  );
}
