"use client";
// The wizard's second step: the account's name, the server URL's Token and EncodingAESKey
// (generated, or the admin's own), the message mode and the reports' time zone; then create it.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/error-state";
import { SegmentedControl, SelectField, TextField } from "@/components/ui/field";
import { TimeZoneField } from "@/components/accounts/time-zone-field";
import type { TestedCredentials } from "@/components/accounts/credentials-step";
import { useCreateAccount } from "@/lib/client/accounts";
import { isApiError } from "@/lib/client/http";
import { messageModes, type AccountWithSecrets } from "@/lib/schemas/accounts";
import styles from "@/components/accounts/accounts.module.css";

export interface ConnectedAccount {
  account: AccountWithSecrets;
  /** The Token and EncodingAESKey to paste, whoever chose them (shown this once). */
  token: string;
  encodingAESKey: string;
}

type Mode = (typeof messageModes)[number];

export function SettingsStep({
  credentials,
  onBack,
  onCreated,
}: {
  credentials: TestedCredentials;
  onBack: () => void;
  onCreated: (connected: ConnectedAccount) => void;
}) {
  const t = useTranslations("accounts");
  const create = useCreateAccount();
  const [name, setName] = useState("");
  const [secretsChoice, setSecretsChoice] = useState<"generate" | "own">("generate");
  const [token, setToken] = useState("");
  const [encodingAESKey, setEncodingAESKey] = useState("");
  const [mode, setMode] = useState<Mode>("safe");
  const [timezone, setTimezone] = useState("Asia/Shanghai");
  const isOwn = secretsChoice === "own";
  const issue = (path: string) => (isApiError(create.error) ? create.error.issueFor(path) : undefined);
  const hasFieldIssues = isApiError(create.error) && create.error.issues.length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      ...credentials,
      name: name.trim(),
      mode,
      timezone,
      ...(isOwn ? { token: token.trim(), encodingAESKey: encodingAESKey.trim() } : {}),
    };
    create.mutate(input, {
      onSuccess: (account) =>
        onCreated({
          account,
          token: account.generatedSecrets.token ?? input.token ?? "",
          encodingAESKey: account.generatedSecrets.encodingAESKey ?? input.encodingAESKey ?? "",
        }),
    });
  }

  return (
    <form className={styles.stepBody} onSubmit={submit} noValidate>
      <TextField
        label={t("wizard.name")}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={issue("name")}
        maxLength={100}
        data-testid="wizard-name"
      />
      <SegmentedControl
        label={t("wizard.tokenChoice")}
        value={secretsChoice}
        onChange={setSecretsChoice}
        options={[
          { value: "generate", label: t("wizard.generate") },
          { value: "own", label: t("wizard.useMine") },
        ]}
      />
      {isOwn ? (
        <div className={styles.formGrid}>
          <TextField
            label={t("wizard.token")}
            hint={t("wizard.tokenHint")}
            value={token}
            onChange={(event) => setToken(event.target.value)}
            error={issue("token")}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            label={t("wizard.encodingAESKey")}
            hint={t("wizard.encodingAESKeyHint")}
            value={encodingAESKey}
            onChange={(event) => setEncodingAESKey(event.target.value)}
            error={issue("encodingAESKey")}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      ) : (
        <p className={styles.meta}>{t("wizard.generateHint")}</p>
      )}
      <div className={styles.formGrid}>
        <SelectField
          label={t("wizard.mode")}
          hint={t("wizard.modeHint")}
          value={mode}
          onChange={(event) => setMode(event.target.value as Mode)}
          error={issue("mode")}
        >
          {messageModes.map((value) => (
            <option key={value} value={value}>
              {value === "safe" ? t("wizard.recommended", { mode: t("mode.safe") }) : t(`mode.${value}`)}
            </option>
          ))}
        </SelectField>
        <TimeZoneField
          label={t("wizard.timezone")}
          hint={t("wizard.timezoneHint")}
          value={timezone}
          onChange={setTimezone}
          error={issue("timezone")}
          testId="wizard-timezone"
        />
      </div>
      {create.error && !hasFieldIssues ? <InlineError error={create.error} /> : null}
      <div className={styles.buttonRow}>
        <Button onClick={onBack}>{t("wizard.back")}</Button>
        <Button type="submit" variant="primary" isLoading={create.isPending} data-testid="wizard-create">
          {t("wizard.create")}
        </Button>
      </div>
    </form>
  );
}
