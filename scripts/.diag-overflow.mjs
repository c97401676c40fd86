import { chromium } from "@playwright/test";
const base = process.argv[2]; const paths = process.argv.slice(3);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const locale of ["zh", "en"]) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, baseURL: base });
  await context.addCookies([{ name: "qudao_locale", value: locale, url: base }]);
  const page = await context.newPage();
  const creds = { email: "diag@example.com", password: "correct horse battery" };
  const s = await page.request.post("/api/auth/setup", { data: creds });
  if (s.status() !== 201) await page.request.post("/api/auth/sign-in", { data: creds });
  for (const path of paths) {
    await page.goto(path); await page.waitForLoadState("networkidle");
    const r = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      const out = [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > w + 1 && e.getBoundingClientRect().width > 0 && !e.closest("nav") && getComputedStyle(e).position !== "static")
        .map(e => `${e.tagName.toLowerCase()}.${String(e.className).slice(0,40)} pos=${getComputedStyle(e).position} r=${Math.round(e.getBoundingClientRect().right)} w=${Math.round(e.getBoundingClientRect().width)}`);
      return { sw: document.documentElement.scrollWidth, out: out.slice(0, 12) };
    });
    console.log(locale, path, r.sw); for (const o of r.out) console.log("   ", o);
    await page.screenshot({ path: `/tmp/diag/${locale}-${path.replace(/\W+/g, "_")}.png` });
  }
  await context.close();
}
await browser.close();
