"use client";
// The wizard's first step, in WeChat's order: AppID + AppSecret, tested at once with WeChat (or
// the emulator), and each refusal explained with what to do about it.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/error-state";
import { SegmentedControl, TextField } from "@/components/ui/field";
import { useCreateSandboxApp, useTestCredentials } from "@/lib/client/accounts";
import { isApiError } from "@/lib/client/http";
import type { CredentialTestResult } from "@/lib/schemas/accounts";
import styles from "@/components/accounts/accounts.module.css";

export interface TestedCredentials {
  appId: string;
  appSecret: string;
  /** undefined: WeChat's own API. */
  apiBaseUrl?: string;
}

type Target = "wechat" | "sandbox";

export function CredentialsStep({ onTested }: { onTested: (credentials: TestedCredentials) => void }) {
  const t = useTranslations("accounts.wizard");
  const [target, setTarget] = useState<Target>("wechat");
  const [appId, setAppId] = useState("");
  const [appSecret, setAppSecret] = useState("");
  const [sandboxBaseUrl, setSandboxBaseUrl] = useState<string | undefined>();
  const sandboxApp = useCreateSandboxApp();
  const test = useTestCredentials();
  const issue = (path: string) => (isApiError(test.error) ? test.error.issueFor(path) : undefined);
  const apiBaseUrl = target === "sandbox" ? sandboxBaseUrl : undefined;

  function chooseTarget(next: Target) {
    setTarget(next);
    test.reset();
  }

  function fillFromSandbox() {
    sandboxApp.mutate(undefined, {
      onSuccess: (app) => {
        setAppId(app.appId);
        setAppSecret(app.appSecret);
        setSandboxBaseUrl(app.apiBaseUrl);
        test.reset();
      },
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const credentials = { appId: appId.trim(), appSecret: appSecret.trim(), apiBaseUrl };
    test.mutate(credentials, { onSuccess: (result) => result.isValid && onTested(credentials) });
  }

  return (
    <form className={styles.stepBody} onSubmit={submit} noValidate>
      <SegmentedControl
        label={t("target")}
        value={target}
        onChange={chooseTarget}
        options={[
          { value: "wechat", label: t("targetReal") },
          { value: "sandbox", label: t("targetSandbox") },
        ]}
      />
      {target === "sandbox" ? (
        <div className={styles.buttonRow}>
          <span className={styles.meta}>{t("sandboxIntro")}</span>
          <Button size="small" isLoading={sandboxApp.isPending} onClick={fillFromSandbox} data-testid="sandbox-app">
            {t("getSandboxApp")}
          </Button>
          {sandboxApp.error ? <InlineError error={sandboxApp.error} /> : null}
        </div>
      ) : (
        <p className={styles.meta}>{t("credentialsHint")}</p>
      )}
      <div className={styles.formGrid}>
        <TextField
          label={t("appId")}
          value={appId}
          onChange={(event) => setAppId(event.target.value)}
          error={issue("appId")}
          autoComplete="off"
          spellCheck={false}
          placeholder="wx0123456789abcdef"
          data-testid="wizard-app-id"
        />
        <TextField
          label={t("appSecret")}
          type="password"
          value={appSecret}
          onChange={(event) => setAppSecret(event.target.value)}
          error={issue("appSecret")}
          autoComplete="off"
          data-testid="wizard-app-secret"
        />
      </div>
      {test.data && !test.data.isValid ? <CredentialProblem result={test.data} /> : null}
      {test.error && !issue("appId") && !issue("appSecret") ? <InlineError error={test.error} /> : null}
      <div className={styles.buttonRow}>
        <Button type="submit" variant="primary" isLoading={test.isPending} data-testid="wizard-test">
          {test.isPending ? t("testing") : t("test")}
        </Button>
      </div>
    </form>
  );
}

function CredentialProblem({ result }: { result: Extract<CredentialTestResult, { isValid: false }> }) {
  const t = useTranslations("accounts.wizard");
  const message =
    result.problem === "ip_not_whitelisted"
      ? t("problem.ip_not_whitelisted", { ip: result.callerIp ?? "?" })
      : result.problem === "other"
        ? t("problem.other", { errcode: String(result.errcode ?? "?") })
        : t(`problem.${result.problem}`);
  return (
    <div className={styles.problem} role="alert" data-testid="credential-problem" data-problem={result.problem}>
      <span>{message}</span>
      {result.problem === "already_connected" ? null : (
        <span className={styles.problemDetail}>{t("problemDetail", { detail: result.detail })}</span>
      )}
    </div>
  );
}
