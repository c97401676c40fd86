"use client";
// Every dashboard view needs an account first: this renders its loading, error and
// "no account" states once, then hands the account to the view.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/spinner";
import type { useSelectedAccount } from "@/components/layout/use-selected-account";
import type { Account } from "@/lib/schemas/accounts";

export function AccountGate({
  selection,
  children,
}: {
  selection: ReturnType<typeof useSelectedAccount>;
  children: (account: Account) => ReactNode;
}) {
  const t = useTranslations("layout");
  if (selection.isPending) {
    return (
      <Card style={{ padding: 24, display: "grid", gap: 12 }}>
        <Skeleton width="40%" height={20} />
        <Skeleton height={120} />
      </Card>
    );
  }
  if (selection.error) {
    return (
      <Card>
        <ErrorState error={selection.error} onRetry={() => selection.refetch()} />
      </Card>
    );
  }
  if (!selection.account) {
    return (
      <Card>
        <EmptyState title={t("noAccountTitle")}>{t("noAccountText")}</EmptyState>
      </Card>
    );
  }
  return <>{children(selection.account)}</>;
}
