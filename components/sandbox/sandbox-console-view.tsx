"use client";
// The sandbox page: the pushes and replies on the left, faults and background work beside them.
import { useMay } from "@/components/auth/viewer-context";
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/layout/page-header";
import { AccountGate } from "@/components/layout/account-gate";
import { useSelectedAccount } from "@/components/layout/use-selected-account";
import { InlineAlert } from "@/components/ui/error-state";
import { PushLog } from "@/components/sandbox/push-log";
import { FaultPanel } from "@/components/sandbox/fault-panel";
import { BackgroundJobs } from "@/components/sandbox/background-jobs";
import type { Account } from "@/lib/schemas/accounts";
import styles from "@/components/sandbox/sandbox.module.css";

export function SandboxConsoleView() {
  const t = useTranslations("sandboxConsole");
  const selection = useSelectedAccount();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AccountGate selection={selection}>{(account) => <SandboxConsole account={account} />}</AccountGate>
    </>
  );
}

function SandboxConsole({ account }: { account: Account }) {
  const t = useTranslations("sandboxConsole");
  const isSandbox = account.isSandbox || account.isEmulated;
  const mayEdit = useMay("editor", account.id);
  return (
    <div className={styles.layout}>
      {isSandbox ? null : (
        <div className={styles.fullWidth}>
          <InlineAlert>{t("notSandbox", { name: account.name })}</InlineAlert>
        </div>
      )}
      <PushLog account={account} isSandbox={isSandbox} />
      <div className={styles.side}>
        {isSandbox && mayEdit ? <FaultPanel accountId={account.id} /> : null}
        <BackgroundJobs account={account} />
      </div>
    </div>
  );
}
