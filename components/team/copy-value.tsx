"use client";
// A secret or link shown once, with a copy button and a warning that it will not be shown again.
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import styles from "@/components/team/team.module.css";

export function CopyValue({ value, note, testId }: { value: string; note?: ReactNode; testId?: string }) {
  const t = useTranslations("team.common");
  const [isCopied, setIsCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setIsCopied(true);
      setTimeout(() => setIsCopied(false), 2000);
    } catch {
      // No clipboard (an insecure origin): the value stays selectable on screen.
      setIsCopied(false);
    }
  }

  return (
    <div className={styles.secret}>
      <div className={styles.secretValue}>
        <code data-testid={testId}>{value}</code>
        <Button size="small" onClick={copy} aria-live="polite">
          {isCopied ? t("copied") : t("copy")}
        </Button>
      </div>
      {note ? <p className={styles.secretNote}>{note}</p> : null}
    </div>
  );
}
