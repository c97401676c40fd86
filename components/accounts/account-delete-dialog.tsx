"use client";
// Deleting an account and all its data, only after its name is typed again.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/error-state";
import { TextField } from "@/components/ui/field";
import { useModal } from "@/components/ui/use-modal";
import { useDeleteAccount } from "@/lib/client/accounts";
import type { Account } from "@/lib/schemas/accounts";
import styles from "@/components/accounts/accounts.module.css";

export function AccountDeleteDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const t = useTranslations("accounts");
  const dialog = useModal();
  const remove = useDeleteAccount();
  const [confirmName, setConfirmName] = useState("");
  const matches = confirmName.trim() === account.name.trim();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!matches) return;
    remove.mutate({ id: account.id, confirmName }, { onSuccess: () => dialog.current?.close() });
  }

  return (
    <dialog ref={dialog} className={styles.dialog} onClose={onClose} aria-labelledby="delete-account-title">
      <form className={styles.dialogForm} onSubmit={submit} noValidate>
        <h2 id="delete-account-title">{t("delete.title", { name: account.name })}</h2>
        <p className={styles.dialogText}>{t("delete.text")}</p>
        <TextField
          label={t("delete.confirmLabel", { name: account.name })}
          value={confirmName}
          onChange={(event) => setConfirmName(event.target.value)}
          autoComplete="off"
          data-testid="delete-confirm-name"
        />
        {remove.error ? <InlineError error={remove.error} /> : null}
        <div className={styles.dialogActions}>
          <Button onClick={() => dialog.current?.close()}>{t("actions.cancel")}</Button>
          <Button type="submit" variant="danger" disabled={!matches} isLoading={remove.isPending}>
            {t("delete.confirm")}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
