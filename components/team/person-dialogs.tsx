"use client";
// The dialogs of one person's row: change role and accounts, disable or enable (their sessions
// and keys stop at once), remove (after typing their email), and an owner's password reset.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { InlineAlert } from "@/components/ui/error-state";
import { TextField } from "@/components/ui/field";
import { AccessPicker, accessOf, draftOf } from "@/components/team/access-picker";
import { CopyValue } from "@/components/team/copy-value";
import { Modal } from "@/components/team/modal";
import { generateTemporaryPassword, TemporaryPasswordField } from "@/components/team/temporary-password";
import { useTeamError } from "@/components/team/use-team-error";
import { hasValidPasswordLength, useRemovePerson, useResetPassword, useUpdatePerson } from "@/lib/client/team";
import type { Account } from "@/lib/schemas/accounts";
import type { Person } from "@/lib/schemas/team";
import styles from "@/components/team/team.module.css";

interface PersonDialogProps {
  person: Person;
  onClose: () => void;
}

const who = (person: Person) => person.name || person.email;

export function AccessDialog({ person, accounts, onClose }: PersonDialogProps & { accounts: Account[] }) {
  const t = useTranslations("team");
  const update = useUpdatePerson();
  const describe = useTeamError();
  const [draft, setDraft] = useState(() => draftOf(person));
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = accessOf(draft);
    if ("problem" in result) return setProblem(t(`access.${result.problem}`));
    setProblem(null);
    update.mutate({ id: person.id, input: { access: result.access } }, { onSuccess: onClose });
  }

  return (
    <Modal title={t("people.accessDialog.title", { name: who(person) })} onClose={onClose} testId="access-dialog">
      <form className={styles.form} onSubmit={submit} noValidate>
        <p className={styles.dialogText}>{t("people.accessDialog.text")}</p>
        <AccessPicker value={draft} onChange={setDraft} accounts={accounts} error={problem ?? undefined} />
        {update.error ? (
          <InlineAlert>{describe(update.error, person.role === "owner" ? "onlyOwner" : "self")}</InlineAlert>
        ) : null}
        <div className={styles.dialogActions}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="submit" variant="primary" isLoading={update.isPending} data-testid="access-save">
            {t("common.save")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

export function DisableDialog({ person, onClose }: PersonDialogProps) {
  const t = useTranslations("team");
  const update = useUpdatePerson();
  const describe = useTeamError();
  const isDisabling = !person.disabled;
  const key = isDisabling ? "disableDialog" : "enableDialog";

  return (
    <Modal title={t(`people.${key}.title`, { name: who(person) })} onClose={onClose} testId="disable-dialog">
      <p className={styles.dialogText}>{t(`people.${key}.text`)}</p>
      {update.error ? <InlineAlert>{describe(update.error, "onlyOwner")}</InlineAlert> : null}
      <div className={styles.dialogActions}>
        <Button onClick={onClose}>{t("common.cancel")}</Button>
        <Button
          variant={isDisabling ? "danger" : "primary"}
          isLoading={update.isPending}
          onClick={() => update.mutate({ id: person.id, input: { disabled: isDisabling } }, { onSuccess: onClose })}
          data-testid="disable-confirm"
        >
          {t(`people.${key}.confirm`)}
        </Button>
      </div>
    </Modal>
  );
}

export function RemoveDialog({ person, onClose }: PersonDialogProps) {
  const t = useTranslations("team");
  const remove = useRemovePerson();
  const describe = useTeamError();
  const [typed, setTyped] = useState("");
  const isConfirmed = typed.trim().toLowerCase() === person.email.toLowerCase();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (isConfirmed) remove.mutate(person.id, { onSuccess: onClose });
  }

  return (
    <Modal title={t("people.removeDialog.title", { name: who(person) })} onClose={onClose} testId="remove-dialog">
      <form className={styles.form} onSubmit={submit} noValidate>
        <p className={styles.dialogText}>{t("people.removeDialog.text")}</p>
        <TextField
          label={t("people.removeDialog.typeEmail", { email: person.email })}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          data-testid="remove-email"
        />
        {remove.error ? <InlineAlert>{describe(remove.error, "onlyOwner")}</InlineAlert> : null}
        <div className={styles.dialogActions}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button
            type="submit"
            variant="danger"
            disabled={!isConfirmed}
            isLoading={remove.isPending}
            data-testid="remove-confirm"
          >
            {t("people.removeDialog.confirm")}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

export function ResetPasswordDialog({ person, onClose }: PersonDialogProps) {
  const t = useTranslations("team");
  const reset = useResetPassword();
  const describe = useTeamError();
  const [password, setPassword] = useState(generateTemporaryPassword);
  const [tooShort, setTooShort] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = hasValidPasswordLength(password);
    setTooShort(!result);
    if (result) reset.mutate({ id: person.id, temporaryPassword: password });
  }

  return (
    <Modal title={t("people.resetDialog.title", { name: who(person) })} onClose={onClose} testId="reset-dialog">
      {reset.isSuccess ? (
        <>
          <p className={styles.success}>{t("people.resetDialog.done")}</p>
          <CopyValue value={password} note={t("people.temporaryPasswordNote")} />
          <div className={styles.dialogActions}>
            <Button variant="primary" onClick={onClose}>
              {t("common.done")}
            </Button>
          </div>
        </>
      ) : (
        <form className={styles.form} onSubmit={submit} noValidate>
          <p className={styles.dialogText}>{t("people.resetDialog.text")}</p>
          <TemporaryPasswordField value={password} onChange={setPassword} isTooShort={tooShort} />
          {reset.error ? <InlineAlert>{describe(reset.error)}</InlineAlert> : null}
          <div className={styles.dialogActions}>
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" variant="danger" isLoading={reset.isPending} data-testid="reset-confirm">
              {t("people.resetDialog.confirm")}
            </Button>
          </div>
        </form>
      )}
    </Modal>
  );
}
