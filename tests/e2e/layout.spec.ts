// Every main page on a phone and to assistive technology: at 390 px nothing makes the page wider
// than the screen (tables scroll inside their cards), and axe-core finds no serious or critical
// accessibility violation, in both languages.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "./fixtures";
import { createSandboxAccount, signIn } from "./channels-support";

async function pagesToVisit(page: Page, baseURL: string): Promise<string[]> {
  const account = await createSandboxAccount(page.request, baseURL, "Layout 版面 spec");
  const created = await page.request.post("/api/channels", {
    data: { accountId: account.id, name: "门店 12 海报 · a long placement name for a narrow screen", group: "Stores" },
  });
  expect(created.status()).toBe(201);
  const channel = (await created.json()) as { id: string };
  const scan = await page.request.post("/api/sandbox/scan", { data: { channelId: channel.id } });
  expect(scan.status()).toBe(200);
  const withAccount = (path: string) => `${path}${path.includes("?") ? "&" : "?"}account=${account.id}`;
  return [
    "/",
    "/channels",
    `/channels/${channel.id}`,
    `/channels/${channel.id}/studio`,
    "/channels/unattributed",
    "/channels/import",
    "/compare",
    "/live",
    "/reports",
    "/sandbox",
  ].map(withAccount);
}

async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.right <= width + 1) return false;
        // Inside something that scrolls sideways on purpose (a table's card): not the page's problem.
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          const overflowX = getComputedStyle(parent).overflowX;
          if (overflowX === "auto" || overflowX === "scroll" || overflowX === "hidden") return false;
        }
        return true;
      })
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className} → ${Math.round(element.getBoundingClientRect().right)}px`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  });
}

for (const locale of ["zh", "en"] as const) {
  test(`every main page fits a 390 px phone and passes axe (${locale})`, async ({ page, baseURL, context }) => {
    test.setTimeout(180_000);
    await context.addCookies([{ name: "qudao_locale", value: locale, url: baseURL! }]);
    await signIn(page);
    const paths = await pagesToVisit(page, baseURL!);
    await page.setViewportSize({ width: 390, height: 844 });
    const problems: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expect(page.locator("main")).toBeVisible();
      const { scrollWidth, culprits } = await horizontalOverflow(page);
      if (scrollWidth > 390) problems.push(`${path}: ${scrollWidth} px wide — ${culprits.join("; ")}`);
      const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
      for (const violation of axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
        problems.push(
          `${path}: axe ${violation.id} (${violation.impact}) — ${violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(" "))
            .join(", ")}`,
        );
      }
    }
    expect(problems).toEqual([]);
  });
}
