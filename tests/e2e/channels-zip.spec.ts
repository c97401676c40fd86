// Selecting 50 codes in the list and downloading them as one ZIP: every file is named after its
// channel and every PNG scans to that channel's url.
import { expect, test } from "./fixtures";
import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { createSandboxAccount, decodeQrPng, signIn } from "./channels-support";

test("downloads a ZIP of 50 codes in which every PNG decodes to its channel's url", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await signIn(page);
  const account = await createSandboxAccount(page.request, baseURL!, `ZIP ${Date.now()}`);
  const urlByName = new Map<string, string>();
  for (let index = 1; index <= 52; index++) {
    const name = index === 52 ? "Not selected" : index % 10 === 0 ? `门店/${index}: “主店”` : `Store ${index}`;
    const response = await page.request.post("/api/channels", {
      data: { accountId: account.id, name, group: index === 52 ? null : "Spring" },
    });
    expect(response.status()).toBe(201);
    urlByName.set(name, (await response.json()).qr.url);
  }
  // One code with a designed look (colours, caption) still scans.
  const designed = await (await page.request.get(`/api/channels?accountId=${account.id}&q=Store%207&limit=1`)).json();
  await page.request.put(`/api/channels/${designed.items[0].id}/qr-design`, {
    data: { design: { foreground: "#0b3d2e", background: "#fffdf5", caption: true, size: 600 } },
  });

  await page.goto(`/channels?account=${account.id}`);
  await page.getByTestId("filter-group").selectOption("Spring");
  await expect(page.getByTestId("page-range")).toHaveText("1–50 of 51");
  await page.getByTestId("select-page").check();
  await expect(page.getByTestId("selected-count")).toHaveText("50 selected");
  const selectedNames = await page.getByTestId("channel-row").allInnerTexts();

  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("download-zip").click();
  await expect(page.getByTestId("zip-progress")).toBeVisible();
  const download = await downloadPromise;
  await expect(page.getByTestId("zip-progress")).toContainText("Done: 50 codes");
  expect(download.suggestedFilename()).toMatch(/^qudao-codes-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
  const names = Object.keys(files);
  expect(names).toHaveLength(50);
  expect(names).toContain("门店_50_ “主店”.png");

  const expected = new Map(
    selectedNames.map((name) => [`${name.replace(/[\\/:*?"<>|]/g, "_")}.png`, urlByName.get(name)]),
  );
  for (const [fileName, bytes] of Object.entries(files)) {
    expect(expected.has(fileName), fileName).toBe(true);
    expect(decodeQrPng(bytes), fileName).toBe(expected.get(fileName));
  }
});
