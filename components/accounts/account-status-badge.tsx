"use client";
// The account's status as one badge (lib/accounts/account-status.ts decides it).
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { AccountStatus } from "@/lib/schemas/accounts";

const toneOf: Record<AccountStatus, BadgeTone> = {
  sandbox: "blue",
  waiting: "amber",
  connected: "green",
  error: "red",
  disabled: "neutral",
};

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const t = useTranslations("accounts.status");
  return (
    <span data-testid="account-status" data-status={status}>
      <Badge tone={toneOf[status]}>{t(status)}</Badge>
    </span>
  );
}
