// next-intl's per-request configuration, without locale routing: the cookie set by the language
// switch wins, then the browser's Accept-Language, then Chinese (the product's home market).
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, localeCookieName, localeFromAcceptLanguage, type Locale } from "@/lib/i18n/locales";
import { messageNamespaces } from "@/lib/i18n/namespaces";

async function resolveLocale(): Promise<Locale> {
  const fromCookie = (await cookies()).get(localeCookieName)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    messageNamespaces.map(
      async (namespace) => [namespace, (await import(`./messages/${locale}/${namespace}.json`)).default] as const,
    ),
  );
  return Object.fromEntries(entries);
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    messages: await loadMessages(locale),
    // Dates that belong to an account are formatted in the account's zone explicitly; this is
    // only the fallback, fixed so server and browser render the same markup.
    timeZone: "Asia/Shanghai",
  };
});
