// Importing a 200-row CSV with a few bad rows: the preview shows every row's verdict before
// anything exists, the good rows are created with a progress bar, and the same file again
// creates nothing.
import { expect, test } from "./fixtures";
import { createSandboxAccount, signIn } from "./channels-support";

const badRows = new Map([
  [21, "Bad kind,Stores,,forever,,,,"],
  [60, ",Stores,,permanent,,,,"],
  [101, "Expiry too far,KOL,,temporary,,45,,"],
  [150, "Scene twice,KOL,,temporary,kol-3,7,,"],
  [190, "Expiry on permanent,Stores,,permanent,,7,,"],
]);

function buildCsv(): string {
  const lines = ["name,group,tags,kind,scene,expiry,welcome message,tag"];
  for (let row = 2; lines.length < 201; row++) {
    const bad = badRows.get(row);
    if (bad) lines.push(bad);
    else if (row % 10 === 3) lines.push(`KOL ${row} — 达人,KOL,kol,临时,kol-${row},7天,,kol`);
    else lines.push(`门店 ${row} 海报,Stores,"poster, north",permanent,,,"欢迎光临, ${row} 号店",store`);
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

test("previews 200 rows with the bad ones marked, creates the rest with progress, and never twice", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await signIn(page);
  const account = await createSandboxAccount(page.request, baseURL!, `Import ${Date.now()}`);
  const file = { name: "stores.csv", mimeType: "text/csv", buffer: Buffer.from(buildCsv(), "utf8") };

  await page.goto(`/channels?account=${account.id}`);
  await page.getByTestId("open-import").click();
  await expect(page).toHaveURL(/\/channels\/import/);
  await page.getByTestId("import-file").setInputFiles(file);
  await expect(page.getByTestId("import-row")).toHaveCount(200);
  await expect(page.getByTestId("import-create")).toHaveText("Create 195 channels");
  const invalid = page.locator('[data-testid="import-row"][data-status="invalid"]');
  await expect(invalid).toHaveCount(5);
  expect(await invalid.evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-row"))))).toEqual([
    ...badRows.keys(),
  ]);
  await expect(page.locator('[data-testid="import-row"][data-row="150"]')).toContainText(
    "Scene kol-3 is also in row 3",
  );
  await expect(page.locator('[data-testid="import-row"][data-row="101"]')).toContainText("At most 30 days");
  // Nothing exists before the button is pressed.
  expect((await (await page.request.get(`/api/channels?accountId=${account.id}`)).json()).total).toBe(0);

  await page.getByTestId("import-create").click();
  await expect(page.getByTestId("import-progress")).toBeVisible();
  await expect(page.getByTestId("import-progress-text")).toHaveText("195 created · 0 already there · 5 failed", {
    timeout: 120_000,
  });
  await expect(page.locator('[data-testid="import-row"][data-status="invalid"]')).toHaveCount(5);

  const listed = await (await page.request.get(`/api/channels?accountId=${account.id}&limit=500`)).json();
  expect(listed.total).toBe(195);
  const kol = listed.items.find((item: { scene: string }) => item.scene === "kol-3");
  expect(kol).toMatchObject({
    name: "KOL 3 — 达人",
    group: "KOL",
    tags: ["kol"],
    qr: { kind: "temporary" },
    autoTagName: "kol",
  });
  const store = listed.items.find((item: { name: string }) => item.name === "门店 2 海报");
  expect(store).toMatchObject({
    group: "Stores",
    tags: ["north", "poster"],
    welcomeMessage: "欢迎光临, 2 号店",
    qr: { kind: "permanent" },
  });

  // The same file again: every good row is recognised, nothing is created.
  await page.reload();
  await page.getByTestId("import-file").setInputFiles(file);
  await expect(page.getByTestId("import-create")).toHaveText("Nothing to create");
  await expect(page.locator('[data-testid="import-row"][data-status="exists"]')).toHaveCount(195);
  expect((await (await page.request.get(`/api/channels?accountId=${account.id}`)).json()).total).toBe(195);

  await page.getByTestId("import-only-problems").check();
  await expect(page.getByTestId("import-row")).toHaveCount(5);
});
