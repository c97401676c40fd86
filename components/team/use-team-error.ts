"use client";
// Failures on the team pages, in words. The code decides the message (never the server's text);
// a conflict means something different depending on what was being done, so the caller says.
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/components/ui/error-state";
import { isApiError } from "@/lib/client/http";

/** What a 409 means where it happened. */
export type ConflictMeaning = "emailTaken" | "onlyOwner" | "self";

export function useTeamError() {
  const t = useTranslations("team.errors");
  const describe = useErrorMessage();
  return (error: unknown, conflict?: ConflictMeaning): string | null => {
    if (!error) return null;
    if (isApiError(error) && error.code === "conflict" && conflict) return t(conflict);
    if (isApiError(error) && error.code === "not_found") return t("gone");
    return describe(error);
  };
}

/** A server issue on a field, as a sentence in the reader's language. */
export function issueOn(error: unknown, field: string): boolean {
  return isApiError(error) && Boolean(error.issueFor(field));
}
