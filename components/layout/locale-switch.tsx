"use client";
// Switches between 中文 and English. The choice goes into a cookie read by lib/i18n/request.ts;
// a refresh re-renders the server tree in the new language without losing client state.
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { localeCookieMaxAgeSeconds, localeCookieName, type Locale } from "@/lib/i18n/locales";
import styles from "@/components/layout/shell.module.css";

const otherLocale: Record<Locale, Locale> = { zh: "en", en: "zh" };
/** Each language is named in itself, so a reader who cannot read the current one finds theirs. */
const nativeNames: Record<Locale, string> = { zh: "中文", en: "English" };

export function LocaleSwitch() {
  const t = useTranslations("layout");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const next = otherLocale[locale] ?? "zh";

  function switchLocale() {
    document.cookie = `${localeCookieName}=${next}; path=/; max-age=${localeCookieMaxAgeSeconds}; samesite=lax`;
    startTransition(() => router.refresh());
  }

  return (
    <button
      type="button"
      className={styles.localeSwitch}
      data-testid="locale-switch"
      onClick={switchLocale}
      disabled={isPending}
      lang={next === "zh" ? "zh-CN" : "en"}
      title={t("switchLanguage")}
      aria-label={`${t("switchLanguage")}: ${nativeNames[next]}`}
    >
      <GlobeIcon />
      {nativeNames[next]}
    </button>
  );
}

function GlobeIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
      <circle cx="12" cy="12" r="9" />
      <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" />
    </svg>
  );
}
