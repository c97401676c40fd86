"use client";
// Failures, in the reader's language. Messages are chosen by the error's code, never by its
// text; the server's own message is kept as a detail for support.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { isApiError } from "@/lib/client/http";
import styles from "@/components/ui/feedback.module.css";

const knownCodes = [
  "bad_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "validation_failed",
  "rate_limited",
  "internal",
  "upstream_error",
  "upstream_unavailable",
  "network_error",
  "invalid_response",
] as const;
type KnownCode = (typeof knownCodes)[number];

function isKnownCode(code: string): code is KnownCode {
  return (knownCodes as readonly string[]).includes(code);
}

/** Turns any thrown value into a sentence for the UI. */
export function useErrorMessage(): (error: unknown) => string {
  const t = useTranslations("errors");
  return (error) => (isApiError(error) && isKnownCode(error.code) ? t(`codes.${error.code}`) : t("codes.internal"));
}

export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const t = useTranslations("errors");
  const describe = useErrorMessage();
  return (
    <div className={styles.state} role="alert">
      <span className={`${styles.stateIcon} ${styles.stateIconError}`} aria-hidden>
        !
      </span>
      <p className={styles.stateTitle}>{title ?? t("title")}</p>
      <p className={styles.stateText}>{describe(error)}</p>
      {onRetry ? (
        <div className={styles.stateActions}>
          <Button onClick={onRetry}>{t("retry")}</Button>
        </div>
      ) : null}
    </div>
  );
}

/** A one-line problem inside a form or panel. */
export function InlineAlert({ children }: { children: ReactNode }) {
  return (
    <p className={styles.alert} role="alert">
      {children}
    </p>
  );
}

export function InlineError({ error }: { error: unknown }) {
  const describe = useErrorMessage();
  return <InlineAlert>{describe(error)}</InlineAlert>;
}
