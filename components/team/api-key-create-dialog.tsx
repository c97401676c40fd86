"use client";
// A new API key: a name, a role (viewer unless chosen), every account or a list, an optional last
// day. The key is shown once, with a curl line that uses it.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { InlineAlert } from "@/components/ui/error-state";
import { DateField, SelectField, TextField } from "@/components/ui/field";
import { useAssignableRoles } from "@/components/team/access-picker";
import { CopyValue } from "@/components/team/copy-value";
import { Modal } from "@/components/team/modal";
import { issueOn, useTeamError } from "@/components/team/use-team-error";
import { useCreateApiKey } from "@/lib/client/team";
import type { Role } from "@/lib/auth/roles";
import type { Account } from "@/lib/schemas/accounts";
import styles from "@/components/team/team.module.css";

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The key works through the whole chosen day in the reader's zone. */
function endOfLocalDay(day: string): string {
  return new Date(`${day}T23:59:59.999`).toISOString();
}

function curlExample(key: string, accountId: string | undefined): string {
  const today = new Date();
  const monthAgo = new Date(today.getTime() - 29 * 86_400_000);
  const query = new URLSearchParams({
    accountId: accountId ?? "<accountId>",
    from: isoDay(monthAgo),
    to: isoDay(today),
    format: "csv",
  });
  return `curl -H "Authorization: Bearer ${key}" "${window.location.origin}/api/reports/channels?${query}"`;
}

export function ApiKeyCreateDialog({ accounts, onClose }: { accounts: Account[]; onClose: () => void }) {
  const t = useTranslations("team");
  const create = useCreateApiKey();
  const describe = useTeamError();
  const assignable = useAssignableRoles();
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const [isAllAccounts, setIsAllAccounts] = useState(true);
  const [accountIds, setAccountIds] = useState<string[]>([]);
  const [expiryDay, setExpiryDay] = useState("");
  const [errors, setErrors] = useState<{ name?: string; accounts?: string; expiry?: string }>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!name.trim()) found.name = t("apiKeys.dialog.nameMissing");
    if (!isAllAccounts && accountIds.length === 0) found.accounts = t("access.chooseAccount");
    if (expiryDay && Date.parse(endOfLocalDay(expiryDay)) <= Date.now()) found.expiry = t("apiKeys.dialog.expiryPast");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({
      name: name.trim(),
      role,
      accountIds: isAllAccounts ? null : accountIds,
      expiresAt: expiryDay ? endOfLocalDay(expiryDay) : null,
    });
  }

  const toggle = (id: string, isChecked: boolean) =>
    setAccountIds((current) => (isChecked ? [...current, id] : current.filter((candidate) => candidate !== id)));

  if (create.data) {
    const exampleAccount = isAllAccounts ? accounts[0]?.id : accountIds[0];
    return (
      <Modal title={t("apiKeys.dialog.createdTitle")} onClose={onClose} testId="api-key-dialog">
        <p className={styles.dialogText}>{t("apiKeys.dialog.createdText")}</p>
        <CopyValue value={create.data.key} note={t("apiKeys.dialog.shownOnce")} testId="api-key-value" />
        <p className={styles.dialogText}>{t("apiKeys.dialog.curl")}</p>
        <CopyValue value={curlExample(create.data.key, exampleAccount)} testId="api-key-curl" />
        <div className={styles.dialogActions}>
          <Button variant="primary" onClick={onClose} data-testid="api-key-done">
            {t("common.done")}
          </Button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title={t("apiKeys.dialog.title")} onClose={onClose} testId="api-key-dialog">
      <form className={styles.form} onSubmit={submit} noValidate>
        <TextField
          label={t("apiKeys.dialog.name")}
          hint={t("apiKeys.dialog.nameHint")}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name ?? (issueOn(create.error, "name") ? t("apiKeys.dialog.nameMissing") : undefined)}
          maxLength={100}
          autoComplete="off"
          data-testid="api-key-name"
          autoFocus
        />
        <div className={styles.row2}>
          <SelectField
            label={t("access.role")}
            hint={t(`roleHints.${role}`)}
            value={role}
            onChange={(event) => setRole(event.target.value as Role)}
            data-testid="api-key-role"
          >
            {assignable.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`roles.${candidate}`)}
              </option>
            ))}
          </SelectField>
          <DateField
            label={t("apiKeys.dialog.expiry")}
            labelNote={t("common.optional")}
            hint={t("apiKeys.dialog.expiryHint")}
            min={isoDay(new Date())}
            value={expiryDay}
            onChange={setExpiryDay}
            error={errors.expiry ?? (issueOn(create.error, "expiresAt") ? t("apiKeys.dialog.expiryPast") : undefined)}
            data-testid="api-key-expiry"
          />
        </div>
        <fieldset className={styles.picker}>
          <legend>{t("apiKeys.dialog.accounts")}</legend>
          <label className={styles.choice}>
            <input type="radio" checked={isAllAccounts} onChange={() => setIsAllAccounts(true)} />
            {t("access.allAccounts")}
          </label>
          <label className={styles.choice}>
            <input type="radio" checked={!isAllAccounts} onChange={() => setIsAllAccounts(false)} />
            {t("access.onlyThese")}
          </label>
          {!isAllAccounts ? (
            <div className={`${styles.nested} ${styles.accountList}`}>
              {accounts.map((account) => (
                <div key={account.id} className={styles.accountRow}>
                  <label>
                    <input
                      type="checkbox"
                      checked={accountIds.includes(account.id)}
                      onChange={(event) => toggle(account.id, event.target.checked)}
                    />
                    {account.name}
                  </label>
                </div>
              ))}
            </div>
          ) : null}
          {errors.accounts ? (
            <p className={styles.secretNote} role="alert" style={{ color: "var(--color-danger)" }}>
              {errors.accounts}
            </p>
          ) : null}
        </fieldset>
        {create.error ? <InlineAlert>{describe(create.error)}</InlineAlert> : null}
        <div className={styles.dialogActions}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="submit" variant="primary" isLoading={create.isPending} data-testid="api-key-submit">
            {t("apiKeys.dialog.submit")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
