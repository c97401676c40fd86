"use client";
// The dashboard frame: sidebar navigation, the top bar with account and language, the page.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { ViewerProvider } from "@/components/auth/viewer-context";
import type { Role } from "@/lib/auth/roles";
import { viewerMay, type Viewer } from "@/lib/auth/viewer";
import { AccountSwitcher } from "@/components/layout/account-switcher";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { useHrefWithAccount } from "@/components/layout/use-selected-account";
import styles from "@/components/layout/shell.module.css";

const navItems = [
  { path: "/", key: "overview", icon: <ChartIcon /> },
  { path: "/channels", key: "channels", icon: <QrIcon /> },
  { path: "/compare", key: "compare", icon: <CompareIcon /> },
  { path: "/live", key: "live", icon: <LiveIcon /> },
  { path: "/reports", key: "reports", icon: <ReportIcon /> },
  { path: "/sandbox", key: "sandbox", icon: <SandboxIcon /> },
] as const;

/** The team's settings, each shown only to those who may use it. */
const settingsItems: { path: string; key: string; role: Role }[] = [
  { path: "/settings/accounts", key: "accounts", role: "admin" },
  { path: "/settings/people", key: "people", role: "admin" },
  { path: "/settings/api-keys", key: "apiKeys", role: "admin" },
  { path: "/settings/audit", key: "audit", role: "admin" },
  { path: "/settings/profile", key: "profile", role: "viewer" },
];

/** `isSandboxEnabled`: QUDAO_SANDBOX is on; when off, the emulator's page is gone and so is its link. */
export function AppShell({
  viewer,
  isSandboxEnabled,
  children,
}: {
  viewer: Viewer;
  isSandboxEnabled: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("layout");
  const pathname = usePathname();
  const hrefWithAccount = useHrefWithAccount();

  const userEmail = viewer.email;
  return (
    <ViewerProvider viewer={viewer}>
      <a href="#main" className={styles.skipLink}>
        {t("skipToContent")}
      </a>
      <div className={styles.shell}>
        <aside className={styles.sidebar}>
          <Link href={hrefWithAccount("/")} className={styles.brand} aria-label={t("brand")}>
            <span className={styles.brandMark} aria-hidden>
              渠
            </span>
            <span className={styles.brandName}>{t("brand")}</span>
          </Link>
          <nav aria-label={t("navigation")} className={styles.nav}>
            {navItems
              .filter((item) => isSandboxEnabled || item.key !== "sandbox")
              .map((item) => {
                const isActive = item.path === "/" ? pathname === "/" : pathname.startsWith(item.path);
                return (
                  <Link
                    key={item.key}
                    href={hrefWithAccount(item.path)}
                    className={styles.navLink}
                    aria-current={isActive ? "page" : undefined}
                  >
                    {item.icon}
                    {t(`nav.${item.key}`)}
                  </Link>
                );
              })}
            <span className={styles.navSection}>{t("nav.settings")}</span>
            {settingsItems
              .filter((item) => viewerMay(viewer, item.role))
              .map((item) => (
                <Link
                  key={item.key}
                  href={hrefWithAccount(item.path)}
                  className={styles.navLink}
                  aria-current={pathname.startsWith(item.path) ? "page" : undefined}
                >
                  <SettingsIcon />
                  {t(`nav.${item.key}`)}
                </Link>
              ))}
          </nav>
        </aside>
        <div className={styles.main}>
          <div className={styles.topbar}>
            <AccountSwitcher />
            <div className={styles.topbarEnd}>
              <LocaleSwitch />
              <span className={styles.userEmail} title={userEmail}>
                {userEmail}
              </span>
              <SignOutButton />
            </div>
          </div>
          <main id="main" tabIndex={-1} className={styles.content}>
            {viewer.mustChangePassword && !pathname.startsWith("/settings/profile") ? (
              <p className={styles.notice} role="status">
                {t("temporaryPassword")} <Link href={hrefWithAccount("/settings/profile")}>{t("choosePassword")}</Link>
              </p>
            ) : null}
            {children}
          </main>
        </div>
      </div>
    </ViewerProvider>
  );
}

function ChartIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
      <path d="M4 19h16" />
      <path d="M5 15l4-5 4 3 6-7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function QrIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
      <rect x="4" y="4" width="6" height="6" rx="1" />
      <rect x="14" y="4" width="6" height="6" rx="1" />
      <rect x="4" y="14" width="6" height="6" rx="1" />
      <path d="M14 14h2v2h-2zM18 18h2v2h-2zM14 18h2M18 14h2" />
    </svg>
  );
}

function ReportIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
      <path d="M6 3h9l4 4v14H6z" strokeLinejoin="round" />
      <path d="M14 3v5h5M9 13h7M9 17h5" strokeLinecap="round" />
    </svg>
  );
}

function CompareIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
      <path d="M7 20V10M12 20V4M17 20v-7" strokeLinecap="round" />
    </svg>
  );
}

function LiveIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
      <circle cx="12" cy="12" r="2.5" />
      <path
        d="M7.8 7.8a6 6 0 0 0 0 8.4M16.2 7.8a6 6 0 0 1 0 8.4M5 5a10 10 0 0 0 0 14M19 5a10 10 0 0 1 0 14"
        strokeLinecap="round"
      />
    </svg>
  );
}

function SettingsIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
      <circle cx="12" cy="12" r="3" />
      <path
        d="M12 3v2M12 19v2M3 12h2M19 12h2M5.6 5.6l1.4 1.4M17 17l1.4 1.4M5.6 18.4 7 17M17 7l1.4-1.4"
        strokeLinecap="round"
      />
    </svg>
  );
}

function SandboxIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
      <path
        d="M9 3h6M10 3v6l-5 9a2 2 0 0 0 1.7 3h10.6a2 2 0 0 0 1.7-3l-5-9V3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <path d="M7.5 15h9" />
    </svg>
  );
}
