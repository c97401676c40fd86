// `npm run screenshots -- --base http://127.0.0.1:3000 [--out docs/screenshots] [--pages reports,print]`:
// signs in (setting up the first user on a fresh install) and takes full-page screenshots of the
// dashboard's pages at desktop (1360 px) and phone (390 px) widths, in Chinese and English, with
// the machine's Chromium. Seed some history first (`npm run cli -- seed`) so the pages have numbers.
import { chromium, type Page } from "@playwright/test";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values: flags } = parseArgs({
  options: {
    base: { type: "string", default: "http://127.0.0.1:3000" },
    out: { type: "string", default: "docs/screenshots" },
    pages: { type: "string", default: "reports,print" },
    email: { type: "string", default: "marketer@example.com" },
    password: { type: "string", default: "correct horse battery" },
  },
});

const pages: Record<string, string> = {
  overview: "/",
  channels: "/channels",
  compare: "/compare",
  reports: "/reports",
  print: "/reports/print",
};
const widths = { desktop: { width: 1360, height: 900 }, phone: { width: 390, height: 844 } };

async function signIn(page: Page): Promise<void> {
  const credentials = { email: flags.email, password: flags.password };
  // QUDAO_SETUP_TOKEN: the server's first-run token, when this run sets it up; changes need Qudao's Origin.
  const headers = { origin: new URL(flags.base!).origin };
  const setupToken = process.env.QUDAO_SETUP_TOKEN ?? "";
  const setup = await page.request.post(`${flags.base}/api/auth/setup`, {
    data: { ...credentials, setupToken },
    headers,
  });
  if (setup.status() === 201) return;
  const signIn = await page.request.post(`${flags.base}/api/auth/sign-in`, { data: credentials, headers });
  if (!signIn.ok()) throw new Error(`sign-in answered ${signIn.status()}`);
}

async function main(): Promise<void> {
  mkdirSync(flags.out!, { recursive: true });
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-background-networking"] });
  try {
    for (const [widthName, viewport] of Object.entries(widths)) {
      for (const locale of ["zh", "en"]) {
        const context = await browser.newContext({ viewport, locale: locale === "zh" ? "zh-CN" : "en-US" });
        await context.addCookies([{ name: "qudao_locale", value: locale, url: flags.base! }]);
        const page = await context.newPage();
        await signIn(page);
        for (const name of flags.pages!.split(",")) {
          await page.goto(`${flags.base}${pages[name]}`);
          // Charts and tables load after the page: wait for the network to settle.
          await page.waitForLoadState("networkidle");
          await page.waitForTimeout(600);
          const file = join(flags.out!, `${name}-${widthName}-${locale}.png`);
          await page.screenshot({ path: file, fullPage: true });
          console.log(file);
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
}

await main();
