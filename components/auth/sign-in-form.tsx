"use client";
// Sign-in with email and password. Wrong credentials get one message for both fields, so the
// page never tells which emails have accounts.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AuthCard } from "@/components/auth/auth-card";
import { checkCredentials, type CredentialsErrors } from "@/components/auth/credentials";
import { Button } from "@/components/ui/button";
import { InlineAlert, InlineError } from "@/components/ui/error-state";
import { TextField } from "@/components/ui/field";
import { isApiError } from "@/lib/client/http";
import { useSignIn } from "@/lib/client/auth";
import styles from "@/components/auth/auth.module.css";

export function SignInForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<CredentialsErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkCredentials(email, password, { checkLength: false });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    signIn.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => {
          router.replace("/");
          router.refresh();
        },
        onError: () => setErrors({}),
      },
    );
  }

  const isWrongCredentials =
    isApiError(signIn.error) && (signIn.error.code === "unauthorized" || signIn.error.code === "validation_failed");
  const fieldError = (field: keyof CredentialsErrors) => (errors[field] ? t(`errors.${errors[field]}`) : undefined);

  return (
    <AuthCard title={t("signIn.title")} description={t("signIn.description")} footer={t("signIn.forgot")}>
      <form className={styles.form} onSubmit={submit} noValidate>
        <TextField
          label={t("email")}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldError("email")}
          data-testid="signin-email"
          autoFocus
        />
        <TextField
          label={t("password")}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldError("password")}
          data-testid="signin-password"
        />
        {isWrongCredentials ? (
          <InlineAlert>{t("signIn.wrongCredentials")}</InlineAlert>
        ) : signIn.isError ? (
          <InlineError error={signIn.error} />
        ) : null}
        <Button
          type="submit"
          variant="primary"
          isLoading={signIn.isPending || signIn.isSuccess}
          data-testid="signin-submit"
        >
          {t("signIn.submit")}
        </Button>
      </form>
    </AuthCard>
  );
}
