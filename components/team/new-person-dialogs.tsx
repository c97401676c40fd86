"use client";
// Bringing someone in: an invitation link (shown once, valid 7 days) or an account with a
// temporary password they must change. Both choose the access they arrive with.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { InlineAlert } from "@/components/ui/error-state";
import { TextField } from "@/components/ui/field";
import { AccessPicker, accessOf, defaultAccessDraft, type AccessDraft } from "@/components/team/access-picker";
import { CopyValue } from "@/components/team/copy-value";
import { Modal } from "@/components/team/modal";
import { generateTemporaryPassword, TemporaryPasswordField } from "@/components/team/temporary-password";
import { issueOn, useTeamError } from "@/components/team/use-team-error";
import { useTeamFormat } from "@/components/team/use-team-format";
import { hasValidPasswordLength, useCreateInvite, useCreatePerson } from "@/lib/client/team";
import type { Account } from "@/lib/schemas/accounts";
import type { AccessInput } from "@/lib/schemas/team";
import styles from "@/components/team/team.module.css";

const emailSchema = z.email().max(200);

/** Email and access, checked before a request: the shared half of both forms. */
function useNewPersonFields() {
  const t = useTranslations("team");
  const [email, setEmail] = useState("");
  const [draft, setDraft] = useState<AccessDraft>(defaultAccessDraft);
  const [errors, setErrors] = useState<{ email?: string; access?: string }>({});

  function check(): AccessInput | null {
    const found: typeof errors = {};
    if (!emailSchema.safeParse(email.trim()).success) found.email = t("errors.emailInvalid");
    const access = accessOf(draft);
    if ("problem" in access) found.access = t(`access.${access.problem}`);
    setErrors(found);
    return "access" in access && !found.email ? access.access : null;
  }

  return { email, setEmail, draft, setDraft, errors, check };
}

export function InviteDialog({ accounts, onClose }: { accounts: Account[]; onClose: () => void }) {
  const t = useTranslations("team");
  const create = useCreateInvite();
  const describe = useTeamError();
  const format = useTeamFormat(accounts);
  const fields = useNewPersonFields();

  function submit(event: FormEvent) {
    event.preventDefault();
    const access = fields.check();
    if (access) create.mutate({ email: fields.email.trim(), access });
  }

  return (
    <Modal title={t("invites.dialog.title")} onClose={onClose} testId="invite-dialog">
      {create.data ? (
        <>
          <p className={styles.success} data-testid="invite-created">
            {t(create.data.mailed ? "invites.dialog.mailed" : "invites.dialog.created", {
              email: create.data.invite.email,
            })}
          </p>
          <CopyValue
            value={create.data.link}
            testId="invite-link"
            note={t("invites.dialog.linkNote", { date: format.dateTime(create.data.invite.expiresAt) })}
          />
          <div className={styles.dialogActions}>
            <Button variant="primary" onClick={onClose} data-testid="invite-done">
              {t("common.done")}
            </Button>
          </div>
        </>
      ) : (
        <form className={styles.form} onSubmit={submit} noValidate>
          <p className={styles.dialogText}>{t("invites.dialog.text")}</p>
          <TextField
            label={t("people.email")}
            type="email"
            value={fields.email}
            onChange={(event) => fields.setEmail(event.target.value)}
            error={fields.errors.email ?? (issueOn(create.error, "email") ? t("errors.emailInvalid") : undefined)}
            autoComplete="off"
            data-testid="invite-email"
            autoFocus
          />
          <AccessPicker
            value={fields.draft}
            onChange={fields.setDraft}
            accounts={accounts}
            error={fields.errors.access}
          />
          {create.error ? <InlineAlert>{describe(create.error, "emailTaken")}</InlineAlert> : null}
          <div className={styles.dialogActions}>
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" variant="primary" isLoading={create.isPending} data-testid="invite-submit">
              {t("invites.dialog.submit")}
            </Button>
          </div>
        </form>
      )}
    </Modal>
  );
}

export function CreatePersonDialog({ accounts, onClose }: { accounts: Account[]; onClose: () => void }) {
  const t = useTranslations("team");
  const create = useCreatePerson();
  const describe = useTeamError();
  const fields = useNewPersonFields();
  const [name, setName] = useState("");
  const [password, setPassword] = useState(generateTemporaryPassword);
  const [isTooShort, setIsTooShort] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const access = fields.check();
    const isPasswordOk = hasValidPasswordLength(password);
    setIsTooShort(!isPasswordOk);
    if (!access || !isPasswordOk) return;
    create.mutate({ email: fields.email.trim(), name: name.trim() || undefined, temporaryPassword: password, access });
  }

  return (
    <Modal title={t("people.createDialog.title")} onClose={onClose} testId="create-person-dialog">
      {create.data ? (
        <>
          <p className={styles.success}>{t("people.createDialog.created", { email: create.data.email })}</p>
          <CopyValue value={password} note={t("people.temporaryPasswordNote")} />
          <div className={styles.dialogActions}>
            <Button variant="primary" onClick={onClose}>
              {t("common.done")}
            </Button>
          </div>
        </>
      ) : (
        <form className={styles.form} onSubmit={submit} noValidate>
          <p className={styles.dialogText}>{t("people.createDialog.text")}</p>
          <div className={styles.row2}>
            <TextField
              label={t("people.email")}
              type="email"
              value={fields.email}
              onChange={(event) => fields.setEmail(event.target.value)}
              error={fields.errors.email ?? (issueOn(create.error, "email") ? t("errors.emailInvalid") : undefined)}
              autoComplete="off"
              data-testid="create-email"
              autoFocus
            />
            <TextField
              label={t("people.name")}
              labelNote={t("common.optional")}
              value={name}
              onChange={(event) => setName(event.target.value)}
              maxLength={100}
              autoComplete="off"
            />
          </div>
          <TemporaryPasswordField value={password} onChange={setPassword} isTooShort={isTooShort} />
          <AccessPicker
            value={fields.draft}
            onChange={fields.setDraft}
            accounts={accounts}
            error={fields.errors.access}
          />
          {create.error ? <InlineAlert>{describe(create.error, "emailTaken")}</InlineAlert> : null}
          <div className={styles.dialogActions}>
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" variant="primary" isLoading={create.isPending} data-testid="create-submit">
              {t("people.createDialog.submit")}
            </Button>
          </div>
        </form>
      )}
    </Modal>
  );
}
