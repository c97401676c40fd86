// Every spec imports `test` and `expect` from here (eslint forbids @playwright/test in specs):
// the browser runs under Qudao's real Content-Security-Policy, and a test fails on any
// violation it reports — a blocked script, an eval, an inline handler — even when the page
// seemed to work.
import { test as base, expect } from "@playwright/test";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "@playwright/test";

export { expect };
export type { APIRequestContext, Browser, Download, Page } from "@playwright/test";

/** Collects the violations every page of the context reports, as event and as console message. */
export async function watchCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding("__qudaoCspViolation", (_source, text: string) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __qudaoCspViolation?: (text: string) => void }).__qudaoCspViolation;
      report?.(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  const watchConsole = (page: Page) =>
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
        violations.push(message.text());
    });
  context.pages().forEach(watchConsole);
  context.on("page", watchConsole);
  return violations;
}

/** Violations in contexts a test opens itself (newBrowserContext), checked with its own. */
let violationsElsewhere: string[][] = [];

/**
 * A second browser (another person signed in elsewhere), watched like the test's own and sending
 * Qudao's Origin with its page.request calls, as the config does for the default context.
 */
export async function newBrowserContext(
  browser: Browser,
  options: BrowserContextOptions & { baseURL: string },
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, extraHTTPHeaders: { origin: options.baseURL } });
  violationsElsewhere.push(await watchCspViolations(context));
  return context;
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      violationsElsewhere = [];
      const violations = await watchCspViolations(context);
      await use(violations);
      const all = [...violations, ...violationsElsewhere.flat()];
      expect(all, "Content-Security-Policy violations reported by the browser").toEqual([]);
    },
    { auto: true },
  ],
});
