"use client";
// First run: the person installing Qudao becomes its admin and lands on the dashboard, where a
// sandbox account is already waiting.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AuthCard } from "@/components/auth/auth-card";
import { checkCredentials, credentialsErrorsFrom, type CredentialsErrors } from "@/components/auth/credentials";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/error-state";
import { TextField } from "@/components/ui/field";
import { isApiError } from "@/lib/client/http";
import { useSetupFirstAdmin } from "@/lib/client/auth";
import styles from "@/components/auth/auth.module.css";

/** `setupToken`: from the link `npm start` printed (/setup?token=…); without it the form only says where to find it. */
export function SetupForm({ setupToken }: { setupToken: string | null }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const setup = useSetupFirstAdmin();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<CredentialsErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkCredentials(email, password, { checkLength: true });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setup.mutate(
      { email: email.trim(), password, setupToken: setupToken ?? "" },
      {
        onSuccess: () => {
          router.replace("/");
          router.refresh();
        },
        onError: (error) => setErrors(credentialsErrorsFrom(error)),
      },
    );
  }

  const isAlreadySetUp = isApiError(setup.error) && setup.error.code === "conflict";
  const fieldError = (field: keyof CredentialsErrors) => (errors[field] ? t(`errors.${errors[field]}`) : undefined);

  return (
    <AuthCard title={t("setup.title")} description={t("setup.description")}>
      <ol className={styles.steps}>
        <li>{t("setup.stepAdmin")}</li>
        <li>{t("setup.stepSandbox")}</li>
        <li>{t("setup.stepScan")}</li>
      </ol>
      <form className={styles.form} onSubmit={submit} noValidate>
        <TextField
          label={t("email")}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldError("email")}
          data-testid="setup-email"
          autoFocus
        />
        <TextField
          label={t("password")}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldError("password")}
          hint={t("passwordHint")}
          data-testid="setup-password"
        />
        {setupToken ? null : (
          <p className="muted" role="alert" data-testid="setup-needs-token">
            {t("setup.needsToken")}
          </p>
        )}
        {isAlreadySetUp ? (
          <p className="muted" role="alert">
            {t("setup.alreadySetUp")} <Link href="/sign-in">{t("signIn.submit")}</Link>
          </p>
        ) : setup.isError && Object.keys(credentialsErrorsFrom(setup.error)).length === 0 ? (
          <InlineError error={setup.error} />
        ) : null}
        <Button
          type="submit"
          variant="primary"
          isLoading={setup.isPending || setup.isSuccess}
          data-testid="setup-submit"
        >
          {t("setup.submit")}
        </Button>
      </form>
    </AuthCard>
  );
}
