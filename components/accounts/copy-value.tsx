"use client";
// One value to paste into 公众平台: its label as WeChat names it, the value, and a copy button.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import styles from "@/components/accounts/accounts.module.css";

export function CopyValue({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const t = useTranslations("accounts.actions");
  const [isCopied, setIsCopied] = useState(false);

  async function copy() {
    await navigator.clipboard?.writeText(value).catch(() => undefined);
    setIsCopied(true);
    setTimeout(() => setIsCopied(false), 1500);
  }

  return (
    <div className={styles.copyRow}>
      <span className={styles.copyLabel}>{label}</span>
      <code className={styles.copyValue} data-testid={testId}>
        {value}
      </code>
      <Button size="small" onClick={copy} aria-label={`${t("copy")} ${label}`}>
        {isCopied ? t("copied") : t("copy")}
      </Button>
    </div>
  );
}
