// Dates in the app's language, not the browser's: the range's day fields show and take days as
// the UI writes them, and their calendar speaks the UI's language (the browser here is English).
import { expect, test } from "./fixtures";
import { createSandboxAccount, signIn } from "./channels-support";

test("the range's days and calendar follow the app's language", async ({ page, baseURL, context }) => {
  await context.addCookies([{ name: "qudao_locale", value: "zh", url: baseURL! }]);
  await signIn(page);
  const account = await createSandboxAccount(page.request, baseURL!, "Date input 日期 spec");
  await page.goto(`/?account=${account.id}`);

  const from = page.getByTestId("range-from");
  const to = page.getByTestId("range-to");
  await expect(from).toHaveValue(/^\d{4}年\d{1,2}月\d{1,2}日$/);

  // Typed the way people in China write a day; applied as an ISO day in the URL.
  const [year, month, day] = (await to.inputValue()).match(/\d+/g)!.map(Number);
  const start = new Date(Date.UTC(year!, month! - 1, day! - 6));
  const typed = `${start.getUTCFullYear()}年${start.getUTCMonth() + 1}月${start.getUTCDate()}日`;
  await from.fill(typed);
  await page.getByTestId("range-apply").click();
  await expect(page).toHaveURL(new RegExp(`from=${start.toISOString().slice(0, 10)}`));
  await expect(from).toHaveValue(typed);

  // The calendar: Chinese weekdays, Monday first; picking a day fills the field.
  await page.getByTestId("range-from-calendar").click();
  const calendar = page.locator(".rdp-root");
  await expect(calendar).toBeVisible();
  await expect(calendar.locator("th").first()).toHaveText(/一/);
  await calendar.getByRole("button", { name: /\d/ }).and(page.locator(":not([disabled])")).first().click();
  await expect(calendar).toBeHidden();
  await expect(page.getByTestId("range-apply")).toBeVisible();

  await context.addCookies([{ name: "qudao_locale", value: "en", url: baseURL! }]);
  await page.reload();
  await expect(from).toHaveValue(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
});
