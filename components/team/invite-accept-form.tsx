"use client";
// The invitation link: who it is for and with which role, then a name and a password. A used,
// revoked, expired or mistyped link gets one friendly message (the server does not say which).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AuthCard } from "@/components/auth/auth-card";
import { Button, ButtonLink } from "@/components/ui/button";
import { InlineAlert } from "@/components/ui/error-state";
import { TextField } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/spinner";
import { useTeamError } from "@/components/team/use-team-error";
import { useTeamFormat } from "@/components/team/use-team-format";
import { isApiError } from "@/lib/client/http";
import { hasValidPasswordLength, minPasswordLength, useAcceptInvite, useInviteLookup } from "@/lib/client/team";
import authStyles from "@/components/auth/auth.module.css";

export function InviteAcceptForm({ token }: { token: string }) {
  const t = useTranslations("team");
  const router = useRouter();
  const lookup = useInviteLookup(token);
  const accept = useAcceptInvite();
  const describe = useTeamError();
  const format = useTeamFormat();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [errors, setErrors] = useState<{ password?: string; confirmation?: string }>({});

  const isInvalidLink = isApiError(lookup.error) && ["not_found", "validation_failed"].includes(lookup.error.code);
  if (isInvalidLink || (isApiError(accept.error) && accept.error.code === "not_found")) {
    return (
      <AuthCard title={t("acceptInvite.invalidTitle")} description={t("acceptInvite.invalidText")}>
        <ButtonLink href="/sign-in" variant="secondary" style={{ width: "100%" }}>
          {t("acceptInvite.toSignIn")}
        </ButtonLink>
      </AuthCard>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (!hasValidPasswordLength(password)) found.password = t("password.tooShort", { min: minPasswordLength });
    else if (password !== confirmation) found.confirmation = t("password.mismatch");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    accept.mutate(
      { token, name: name.trim() || undefined, password },
      {
        onSuccess: () => {
          router.replace("/");
          router.refresh();
        },
      },
    );
  }

  return (
    <AuthCard
      title={t("acceptInvite.title")}
      description={
        lookup.data
          ? t("acceptInvite.description", { email: lookup.data.email, role: format.role(lookup.data.role) })
          : t("acceptInvite.loading")
      }
    >
      {lookup.isPending ? (
        <SkeletonRows rows={3} />
      ) : lookup.error ? (
        <InlineAlert>{describe(lookup.error)}</InlineAlert>
      ) : (
        <form className={authStyles.form} onSubmit={submit} noValidate>
          <TextField label={t("people.email")} value={lookup.data.email} readOnly disabled />
          <TextField
            label={t("people.name")}
            labelNote={t("common.optional")}
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoComplete="name"
            maxLength={100}
            data-testid="accept-name"
            autoFocus
          />
          <TextField
            label={t("password.new")}
            type="password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="new-password"
            hint={t("password.hint", { min: minPasswordLength })}
            error={errors.password}
            data-testid="accept-password"
          />
          <TextField
            label={t("password.confirm")}
            type="password"
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
            autoComplete="new-password"
            error={errors.confirmation}
            data-testid="accept-confirm"
          />
          <p className="muted" style={{ fontSize: 12.5 }}>
            {t("acceptInvite.expires", { date: format.dateTime(lookup.data.expiresAt) })}
          </p>
          {accept.error ? <InlineAlert>{describe(accept.error, "emailTaken")}</InlineAlert> : null}
          <Button
            type="submit"
            variant="primary"
            isLoading={accept.isPending || accept.isSuccess}
            data-testid="accept-submit"
          >
            {t("acceptInvite.submit")}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
