// Archiving and restoring from the list (history kept), editing a channel, and the studio's
// design reused by its download.
import { expect, test } from "./fixtures";
import { createSandboxAccount, decodeQrPng, signIn } from "./channels-support";

test("archives and restores a channel, keeping its scans", async ({ page, baseURL }) => {
  await signIn(page);
  const account = await createSandboxAccount(page.request, baseURL!, `Archive ${Date.now()}`);
  const created = await (
    await page.request.post("/api/channels", { data: { accountId: account.id, name: "Old poster", group: "Stores" } })
  ).json();
  await page.request.post("/api/channels", { data: { accountId: account.id, name: "Other poster" } });
  expect((await page.request.post("/api/sandbox/scan", { data: { channelId: created.id } })).status()).toBe(200);

  await page.goto(`/channels?account=${account.id}`);
  const row = page.getByTestId("channel-list-row").filter({ hasText: "Old poster" });
  await row.getByTestId("row-actions").click();
  await row.getByTestId("archive-channel").click();
  await expect(row.getByTestId("channel-status")).toHaveText("Archived");

  await page.getByTestId("filter-status").selectOption("active");
  await expect(page.getByTestId("channel-list-row")).toHaveCount(1);
  await page.getByTestId("filter-status").selectOption("archived");
  await expect(page.getByTestId("channel-list-row")).toHaveCount(1);
  await expect(row).toContainText("1"); // its scan is still counted

  await row.getByTestId("row-actions").click();
  await row.getByTestId("restore-channel").click();
  await expect(page.getByTestId("channel-list-row")).toHaveCount(0);
  await page.getByTestId("filter-status").selectOption("all");
  await expect(row.getByTestId("channel-status")).toHaveCount(0);
  const restored = await (await page.request.get(`/api/channels/${created.id}`)).json();
  expect(restored).toMatchObject({
    status: "active",
    archivedAt: null,
    scene: created.scene,
    counts: { scans: 1, newFollows: 1 },
  });

  // Edit: the name, group and tags change; the scene does not.
  await row.getByTestId("row-actions").click();
  await row.getByTestId("edit-channel").click();
  await page.getByTestId("edit-name").fill("New poster");
  await page.getByTestId("edit-tags").fill("poster, 北京");
  await page.getByTestId("edit-save").click();
  await expect(page.getByTestId("edit-dialog")).toBeHidden();
  const edited = page.getByTestId("channel-list-row").filter({ hasText: "New poster" });
  await expect(edited).toContainText("#北京");
  await expect(edited.getByTestId("channel-scene")).toHaveText(created.scene);
});

test("saves a studio design and downloads the code with it", async ({ page, baseURL }) => {
  await signIn(page);
  const account = await createSandboxAccount(page.request, baseURL!, `Studio ${Date.now()}`);
  const channel = await (
    await page.request.post("/api/channels", { data: { accountId: account.id, name: "北京三里屯店" } })
  ).json();

  await page.goto(`/channels?account=${account.id}`);
  await page.getByTestId("row-actions").click();
  await page.getByTestId("open-studio").click();
  await expect(page.getByTestId("studio-preview")).toBeVisible();
  await page.getByTestId("studio-caption").check();
  await page.getByRole("button", { name: "512", exact: true }).click();
  await page.getByTestId("studio-save").click();
  await expect(page.getByTestId("studio-saved")).toBeVisible();

  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("studio-download-png").click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("北京三里屯店.png");
  const { readFileSync } = await import("node:fs");
  const bytes = new Uint8Array(readFileSync(await download.path()));
  expect(decodeQrPng(bytes)).toBe(channel.qr.url);
  const design = await (await page.request.get(`/api/channels/${channel.id}/qr-design`)).json();
  expect(design).toMatchObject({ isSaved: true, design: { size: 512, caption: true } });
});
