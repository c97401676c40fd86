"use client";
// Changing one's own password: the current one, the new one twice. Every other session ends,
// so whoever knew the old password is signed out.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { InlineError } from "@/components/ui/error-state";
import { TextField } from "@/components/ui/field";
import { isApiError } from "@/lib/client/http";
import { hasValidPasswordLength, minPasswordLength, useChangeOwnPassword } from "@/lib/client/team";
import styles from "@/components/team/team.module.css";

type Errors = Partial<Record<"current" | "next" | "confirmation", string>>;

export function PasswordForm() {
  const t = useTranslations("team.password");
  const change = useChangeOwnPassword();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [errors, setErrors] = useState<Errors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Errors = {};
    if (!current) found.current = t("currentMissing");
    if (!hasValidPasswordLength(next)) found.next = t("tooShort", { min: minPasswordLength });
    else if (next === current) found.next = t("sameAsCurrent");
    if (!found.next && next !== confirmation) found.confirmation = t("mismatch");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent("");
          setNext("");
          setConfirmation("");
        },
      },
    );
  }

  const isWrongCurrent = isApiError(change.error) && Boolean(change.error.issueFor("currentPassword"));

  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        <form className={styles.form} onSubmit={submit} noValidate data-testid="password-form">
          <TextField
            label={t("current")}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
            error={errors.current ?? (isWrongCurrent ? t("currentWrong") : undefined)}
            data-testid="password-current"
          />
          <TextField
            label={t("new")}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(event) => setNext(event.target.value)}
            hint={t("hint", { min: minPasswordLength })}
            error={errors.next}
            data-testid="password-new"
          />
          <TextField
            label={t("confirm")}
            type="password"
            autoComplete="new-password"
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
            error={errors.confirmation}
            data-testid="password-confirm"
          />
          {change.error && !isWrongCurrent ? <InlineError error={change.error} /> : null}
          {change.isSuccess ? (
            <p className={styles.success} role="status">
              {t("changed")}
            </p>
          ) : null}
          <div>
            <Button type="submit" variant="primary" isLoading={change.isPending} data-testid="password-submit">
              {t("submit")}
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
