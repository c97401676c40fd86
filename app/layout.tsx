// The root document: language from the request (cookie → Accept-Language → zh), messages for
// client components, and the query client.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { Providers } from "@/components/providers";
import "./globals.css";

// The brand mark inline, so the tab has an icon without a file in public/.
const iconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#12965a"/><text x="16" y="22.5" font-size="18" font-family="PingFang SC,Microsoft YaHei,Noto Sans CJK SC,sans-serif" font-weight="700" fill="#fff" text-anchor="middle">渠</text></svg>`;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("tagline"),
    icons: { icon: `data:image/svg+xml,${encodeURIComponent(iconSvg)}` },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: the CSP nonce (proxy.ts) is new each time, and Next can only
  // put it on the scripts of a page rendered for that request.
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body>
        <NextIntlClientProvider>
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
