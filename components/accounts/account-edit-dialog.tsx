"use client";
// Editing an account: name, time zone, message mode, and the secrets — write-only: an empty field
// keeps the stored value, which is never shown.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/error-state";
import { SelectField, TextField } from "@/components/ui/field";
import { useModal } from "@/components/ui/use-modal";
import { TimeZoneField } from "@/components/accounts/time-zone-field";
import { useUpdateAccount } from "@/lib/client/accounts";
import { isApiError } from "@/lib/client/http";
import { messageModes, type Account, type AccountUpdateInput } from "@/lib/schemas/accounts";
import styles from "@/components/accounts/accounts.module.css";

export function AccountEditDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const t = useTranslations("accounts");
  const dialog = useModal();
  const update = useUpdateAccount();
  const [name, setName] = useState(account.name);
  const [timezone, setTimezone] = useState(account.timezone);
  const [mode, setMode] = useState(account.mode);
  const [secrets, setSecrets] = useState({ appSecret: "", token: "", encodingAESKey: "" });
  const issue = (path: string) => (isApiError(update.error) ? update.error.issueFor(path) : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input: AccountUpdateInput = { name: name.trim(), mode };
    if (timezone !== account.timezone) input.timezone = timezone;
    if (secrets.appSecret) input.appSecret = secrets.appSecret.trim();
    if (secrets.token) input.token = secrets.token.trim();
    if (secrets.encodingAESKey) input.encodingAESKey = secrets.encodingAESKey.trim();
    update.mutate({ id: account.id, input }, { onSuccess: () => dialog.current?.close() });
  }

  const secretField = (field: keyof typeof secrets) => (
    <TextField
      label={t(`edit.${field}`)}
      type="password"
      autoComplete="off"
      placeholder={t("edit.unchanged")}
      value={secrets[field]}
      onChange={(event) => setSecrets({ ...secrets, [field]: event.target.value })}
      error={issue(field)}
    />
  );

  return (
    <dialog ref={dialog} className={styles.dialog} onClose={onClose} aria-labelledby="edit-account-title">
      <form className={styles.dialogForm} onSubmit={submit} noValidate>
        <h2 id="edit-account-title">{t("edit.title", { name: account.name })}</h2>
        <TextField
          label={t("edit.name")}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={issue("name")}
          maxLength={100}
        />
        <div className={styles.formGrid}>
          <TimeZoneField
            label={t("edit.timezone")}
            hint={t("edit.timezoneHint")}
            value={timezone}
            onChange={setTimezone}
            error={issue("timezone")}
          />
          <SelectField
            label={t("edit.mode")}
            value={mode}
            onChange={(event) => setMode(event.target.value as Account["mode"])}
            error={issue("mode")}
          >
            {messageModes.map((value) => (
              <option key={value} value={value}>
                {t(`mode.${value}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset className={styles.fieldset}>
          <legend>{t("edit.secretsTitle")}</legend>
          <p className={styles.dialogText}>{t("edit.secretsHint")}</p>
          {secretField("appSecret")}
          {secretField("token")}
          {secretField("encodingAESKey")}
        </fieldset>
        {update.error && !isApiError(update.error) ? <InlineError error={update.error} /> : null}
        {isApiError(update.error) && update.error.issues.length === 0 ? <InlineError error={update.error} /> : null}
        <div className={styles.dialogActions}>
          <Button onClick={() => dialog.current?.close()}>{t("actions.cancel")}</Button>
          <Button type="submit" variant="primary" isLoading={update.isPending}>
            {t("actions.save")}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
