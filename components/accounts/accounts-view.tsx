"use client";
// The accounts page (admins): the connect wizard, then one card per account with its health and
// actions. Everyone else is told why there is nothing for them here.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { SkeletonRows } from "@/components/ui/spinner";
import { PageHeader } from "@/components/layout/page-header";
import { useMay } from "@/components/auth/viewer-context";
import { AccountCard, type AccountDialog } from "@/components/accounts/account-card";
import { AccountDeleteDialog } from "@/components/accounts/account-delete-dialog";
import { AccountEditDialog } from "@/components/accounts/account-edit-dialog";
import { AccountRotateDialog } from "@/components/accounts/account-rotate-dialog";
import { ConnectWizard } from "@/components/accounts/connect-wizard";
import { useAccountsWithHealth } from "@/lib/client/accounts";
import styles from "@/components/accounts/accounts.module.css";

export function AccountsView() {
  const t = useTranslations("accounts");
  const isAdmin = useMay("admin");
  if (!isAdmin) {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState icon="🔒" title={t("needsAdmin.title")}>
          {t("needsAdmin.text")}
        </EmptyState>
      </>
    );
  }
  return <AccountsManager />;
}

function AccountsManager() {
  const t = useTranslations("accounts");
  const accounts = useAccountsWithHealth();
  const [isConnecting, setIsConnecting] = useState(false);
  const [open, setOpen] = useState<{ accountId: string; dialog: AccountDialog } | null>(null);
  const opened = open ? accounts.data?.items.find((account) => account.id === open.accountId) : undefined;
  const close = () => setOpen(null);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          isConnecting ? null : (
            <Button variant="primary" onClick={() => setIsConnecting(true)} data-testid="connect-account">
              {t("connect")}
            </Button>
          )
        }
      />
      <div className={styles.list}>
        {isConnecting ? <ConnectWizard onClose={() => setIsConnecting(false)} /> : null}
        {accounts.isPending ? <SkeletonRows /> : null}
        {accounts.error ? <ErrorState error={accounts.error} onRetry={() => accounts.refetch()} /> : null}
        {accounts.data?.items.length === 0 && !isConnecting ? (
          <EmptyState title={t("empty.title")}>{t("empty.text")}</EmptyState>
        ) : null}
        {accounts.data?.items.map((account) => (
          <AccountCard
            key={account.id}
            account={account}
            onOpen={(dialog) => setOpen({ accountId: account.id, dialog })}
          />
        ))}
      </div>
      {opened && open?.dialog === "edit" ? (
        <AccountEditDialog key={opened.id} account={opened} onClose={close} />
      ) : null}
      {opened && open?.dialog === "delete" ? (
        <AccountDeleteDialog key={opened.id} account={opened} onClose={close} />
      ) : null}
      {opened && open?.dialog === "rotate" ? (
        <AccountRotateDialog key={opened.id} account={opened} onClose={close} />
      ) : null}
    </>
  );
}
