// The user story of a new marketer: first-run setup, a ready sandbox account, create a channel,
// see its code, simulate a scan, and watch it counted on the channel and the overview.
import { expect, test } from "./fixtures";
import { e2eSetupToken } from "./setup-token";

test("a new user creates a channel, scans it in the sandbox and sees it counted", async ({ page, request }) => {
  expect((await request.get("/api/channels?accountId=x")).status()).toBe(401);

  await page.goto("/");
  await expect(page).toHaveURL(/\/setup/);
  // Without the link npm start printed, the page says where to find it and setup is refused.
  await expect(page.getByTestId("setup-needs-token")).toBeVisible();
  const refused = await request.post("/api/auth/setup", {
    data: { email: "intruder@example.com", password: "correct horse battery" },
  });
  expect(refused.status()).toBe(422);
  const wrongToken = await request.post("/api/auth/setup", {
    data: { email: "intruder@example.com", password: "correct horse battery", setupToken: "not-the-token" },
  });
  expect(wrongToken.status()).toBe(403);

  await page.goto(`/setup?token=${e2eSetupToken}`);
  await page.getByTestId("setup-email").fill("marketer@example.com");
  await page.getByTestId("setup-password").fill("correct horse battery");
  await page.getByTestId("setup-submit").click();
  await expect(page.getByTestId("kpi-scans")).toHaveText("0");

  // The overview's "New channel" opens the channel list with its form.
  await page.getByRole("link", { name: "New channel" }).click();
  await expect(page.getByTestId("create-dialog")).toBeVisible();
  await page.getByTestId("channel-name").fill("Poster — Store 12");
  await page.getByTestId("channel-create").click();
  await expect(page.getByTestId("channel-created")).toBeVisible();
  await page.getByTestId("create-close").click();
  const row = page.getByTestId("channel-row").filter({ hasText: "Poster — Store 12" });
  await expect(row).toBeVisible();
  await row.first().click();

  const qr = page.getByTestId("channel-qr");
  await expect(qr).toBeVisible();
  await expect
    .poll(() => qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0))
    .toBe(true);
  await expect(page.getByTestId("channel-scans")).toHaveText("0");

  await page.getByTestId("simulate-scan").click();
  await expect(page.getByTestId("channel-scans")).toHaveText("1");
  await expect(page.getByTestId("channel-new-follows")).toHaveText("1");

  await page.goto("/");
  await expect(page.getByTestId("kpi-scans")).toHaveText("1");
  await expect(page.getByTestId("kpi-new-follows")).toHaveText("1");
  await expect(page.getByTestId("trend-chart").locator("svg").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/dashboard.png", fullPage: true });
});

test("the language switch turns the dashboard into Chinese and back", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByTestId("signin-email").fill("marketer@example.com");
  await page.getByTestId("signin-password").fill("correct horse battery");
  await page.getByTestId("signin-submit").click();
  await expect(page.getByTestId("kpi-scans")).toBeVisible();
  const htmlLang = () => page.locator("html").getAttribute("lang");
  const before = await htmlLang();
  await page.getByTestId("locale-switch").click();
  await expect.poll(htmlLang).not.toBe(before);
  await expect(page.getByText(before === "en" ? "扫码" : "Scans").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/dashboard-switched.png", fullPage: true });
});
