// Creating each kind of code through the "New channel" dialog: permanent and temporary, integer and
// text scenes, picked by Qudao or typed in; a duplicate scene refused; the quota meter counting.
import { expect, test } from "./fixtures";
import { createSandboxAccount, signIn } from "./channels-support";

test("creates permanent and temporary codes with every kind of scene, and refuses a duplicate", async ({
  page,
  baseURL,
}) => {
  await signIn(page);
  const account = await createSandboxAccount(page.request, baseURL!, `Kinds ${Date.now()}`);
  await page.goto(`/channels?account=${account.id}`);
  // "New channel" opens the form in a dialog, beside the quota it spends; it stays open for the next one.
  await page.getByTestId("open-create-channel").click();
  await expect(page.getByTestId("create-dialog").getByTestId("quota-meter")).toContainText("0 of 100,000");

  const form = page.locator("form").filter({ has: page.getByTestId("channel-create") });
  const create = async (name: string, steps: () => Promise<void>) => {
    await page.getByTestId("channel-name").fill(name);
    await steps();
    await page.getByTestId("channel-create").click();
    await expect(page.getByTestId("channel-created")).toContainText(name);
  };
  const row = (name: string) =>
    page
      .getByTestId("channel-list-row")
      .filter({ has: page.getByTestId("channel-row").getByText(name, { exact: true }) });

  // Permanent, next free integer.
  await create("Poster — Store 12", async () => {
    await form.getByRole("radio", { name: "Permanent" }).click();
    await form.getByRole("radio", { name: "Number" }).click();
  });
  await expect(row("Poster — Store 12").getByTestId("channel-scene")).toHaveText("1");

  // Permanent, a text scene typed in.
  await create("Booth A", async () => {
    await form.getByRole("radio", { name: "Custom" }).click();
    await page.getByTestId("channel-scene-input").fill("booth-a");
  });
  await expect(row("Booth A").getByTestId("channel-scene")).toHaveText("booth-a");

  // Temporary for 1 day, a readable text scene made from the name.
  await create("Spring Fair Flyer", async () => {
    await form.getByRole("radio", { name: "Temporary" }).click();
    await form.getByRole("radio", { name: "1 day" }).click();
    await form.getByRole("radio", { name: "From name" }).click();
  });
  await expect(row("Spring Fair Flyer").getByTestId("channel-scene")).toHaveText("spring-fair-flyer");
  await expect(row("Spring Fair Flyer").getByTestId("expiry-countdown")).toHaveText(/^23 h 5\d min left$/);

  // Temporary until a chosen time, an integer scene typed in (above the permanent range).
  const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000 + 3 * 3_600_000);
  const local = new Date(inTwoWeeks.getTime() - inTwoWeeks.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await create("KOL — 大卫", async () => {
    await form.getByRole("radio", { name: "Temporary" }).click();
    await form.getByRole("radio", { name: "Until…" }).click();
    await page.getByTestId("channel-expires-at").fill(local);
    await form.getByRole("radio", { name: "Custom" }).click();
    await page.getByTestId("channel-scene-input").fill("250000");
  });
  await expect(row("KOL — 大卫").getByTestId("channel-scene")).toHaveText("250000");
  await expect(row("KOL — 大卫").getByTestId("expiry-countdown")).toHaveText(/^14 d [23] h left$/);

  // Kinds and scene types as the API sees them.
  const listed = await (await page.request.get(`/api/channels?accountId=${account.id}`)).json();
  const byName = new Map<string, { qr: { kind: string; url: string }; sceneType: string }>(
    listed.items.map((item: { name: string }) => [item.name, item]),
  );
  expect(
    [...["Poster — Store 12", "Booth A", "Spring Fair Flyer", "KOL — 大卫"]].map((name) => [
      byName.get(name)!.qr.kind,
      byName.get(name)!.sceneType,
    ]),
  ).toEqual([
    ["permanent", "int"],
    ["permanent", "str"],
    ["temporary", "str"],
    ["temporary", "int"],
  ]);
  expect(listed.items.every((item: { qr: { url: string } }) => item.qr.url.startsWith("http://weixin.qq.com/q/"))).toBe(
    true,
  );
  await expect(page.getByTestId("quota-meter")).toContainText("2 of 100,000");

  // The same scene again is refused, next to the field, and nothing is created.
  await page.getByTestId("channel-name").fill("Booth A copy");
  await form.getByRole("radio", { name: "Permanent" }).click();
  await form.getByRole("radio", { name: "Custom" }).click();
  await page.getByTestId("channel-scene-input").fill("booth-a");
  await page.getByTestId("channel-create").click();
  await expect(form.getByText("Another channel of this account already uses this scene value")).toBeVisible();
  expect((await (await page.request.get(`/api/channels?accountId=${account.id}`)).json()).total).toBe(4);
});
