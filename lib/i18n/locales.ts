// The UI languages and where the choice is kept. No [locale] URL segment: the choice lives in a
// cookie, so shared links open in the reader's own language.
export const locales = ["zh", "en"] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = "zh";
export const localeCookieName = "qudao_locale";
/** A year: the choice should survive between campaigns. */
export const localeCookieMaxAgeSeconds = 365 * 24 * 3600;

export function isLocale(value: string | undefined | null): value is Locale {
  return value === "zh" || value === "en";
}

/** Picks the first supported language from an Accept-Language header (zh-CN, zh-TW… → zh). */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return defaultLocale;
  const preferred = header
    .split(",")
    .map((part) => {
      const [tag = "", ...parameters] = part.trim().split(";");
      const quality = parameters.find((parameter) => parameter.trim().startsWith("q="));
      return { tag: tag.toLowerCase(), quality: quality ? Number(quality.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  for (const { tag } of preferred) {
    if (tag.startsWith("zh")) return "zh";
    if (tag.startsWith("en")) return "en";
  }
  return preferred.length > 0 ? "en" : defaultLocale;
}
