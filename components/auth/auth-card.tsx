"use client";
// The frame of the signed-out pages, with the language switch so a first-time visitor can
// change language before typing anything.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import styles from "@/components/auth/auth.module.css";

export function AuthCard({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const t = useTranslations("layout");
  return (
    <div className={styles.page}>
      <div className={styles.topbar}>
        <span className={styles.brand}>
          <span className={styles.brandMark} aria-hidden>
            渠
          </span>
          {t("brand")}
        </span>
        <LocaleSwitch />
      </div>
      <main className={styles.center}>
        <div className={styles.card}>
          <header className={styles.header}>
            <h1>{title}</h1>
            <p className="muted">{description}</p>
          </header>
          {children}
          {footer ? <div className={styles.footer}>{footer}</div> : null}
        </div>
      </main>
    </div>
  );
}
