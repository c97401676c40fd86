// Reports as a marketer uses them: the builder's preview and an Excel download with Chinese
// headers, a CSV from the overview's export menu, raw events with progress, the printable report
// printed to PDF (its text holds the KPIs and every channel), and a chart saved as PNG.
import { expect, test, type Download } from "./fixtures";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { PNG } from "pngjs";
import { createSandboxAccount, signIn } from "./channels-support";
import { pdfText } from "./pdf-text";

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

test("builder preview and download, overview export, raw events, printable PDF and chart PNG", async ({
  page,
  baseURL,
}) => {
  await signIn(page);
  const account = await createSandboxAccount(page.request, baseURL!, "报表 Reports spec");
  const channelIds: string[] = [];
  for (const [name, group] of [
    ["门店 7 海报", "Stores"],
    ["Expo booth, hall 2", "Events"],
  ]) {
    const response = await page.request.post("/api/channels", { data: { accountId: account.id, name, group } });
    expect(response.status()).toBe(201);
    channelIds.push((await response.json()).id);
  }
  for (const channelId of [channelIds[0], channelIds[0], channelIds[1]]) {
    expect((await page.request.post("/api/sandbox/scan", { data: { channelId } })).status()).toBe(200);
  }

  // The builder: preview of the per-channel rows, then Excel with Chinese headers.
  await page.goto(`/reports?account=${account.id}`);
  const preview = page.getByTestId("report-preview");
  await expect(preview).toContainText("门店 7 海报");
  await expect(preview.locator("tbody tr")).toHaveCount(2);
  await page.getByTestId("report-lang-zh").click();
  await page.getByTestId("report-format-xlsx").click();
  await expect(preview.locator("thead")).toContainText("扫码次数");
  await expect(page.getByTestId("report-url")).toContainText("/api/reports/channels?");
  const [excel] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-download").click()]);
  expect(excel.suggestedFilename()).toMatch(/^报表 Reports spec-渠道-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bytesOf(excel)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(2).value).toBe("渠道");
  expect(sheet.getRow(1).getCell(5).value).toBe("扫码次数");
  expect(sheet.getRow(2).getCell(2).value).toBe("门店 7 海报");
  expect(sheet.getRow(2).getCell(5).value).toBe(2);

  // Raw events: counted first, then downloaded with progress.
  await page.getByTestId("report-shape-events").click();
  await expect(page.getByTestId("events-download")).toContainText("3");
  const [events] = await Promise.all([page.waitForEvent("download"), page.getByTestId("report-download").click()]);
  const eventLines = (await bytesOf(events)).toString("utf8").trim().split("\r\n");
  expect(eventLines).toHaveLength(4);
  await expect(page.getByTestId("events-done")).toBeVisible();

  // The overview's export menu: the channel table of the range on screen, as CSV.
  await page.goto(`/?account=${account.id}`);
  await page.getByTestId("export-menu").locator("summary").click();
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-channelsCsv").click()]);
  const csvText = (await bytesOf(csv)).toString("utf8");
  expect(csvText.startsWith("\uFEFF")).toBe(true);
  expect(csvText).toContain('"Expo booth, hall 2"');

  // The printable report, printed to PDF by the browser.
  await page.getByTestId("export-menu").locator("summary").click();
  await page.getByTestId("export-print").click();
  await expect(page.getByTestId("report-channels")).toContainText("Expo booth, hall 2");
  await expect(page.getByTestId("report-kpi-scans")).toContainText("3");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation")).toBeHidden();
  const text = await pdfText(await page.pdf({ format: "A4", printBackground: true }));
  await page.emulateMedia({ media: "screen" });
  // Compared without spaces (text runs are split at will), and with the CJK radical some fonts
  // map 门's glyph to read back as 门.
  const printed = text.replace(/\s+/g, "").replace(/\u2ed4/g, "门");
  for (const expected of ["报表 Reports spec", "门店 7 海报", "Expo booth, hall 2", "Unique scanners", "Netfollows3"]) {
    expect(printed).toContain(expected.replace(/\s+/g, ""));
  }

  // A chart for a slide: PNG at twice the size on screen.
  await page.getByTestId("report-trend").getByTestId("chart-download").locator("summary").click();
  const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId("chart-download-png").click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const image = PNG.sync.read(await bytesOf(png));
  const chartWidth = (await page.getByTestId("report-trend").getByTestId("trend-chart").boundingBox())!.width;
  expect(image.width).toBeGreaterThanOrEqual(Math.floor(chartWidth * 2));
  expect(image.height).toBeGreaterThan(200);
});

test("a page printed from the browser prints what it shows, not a blank sheet", async ({ page, baseURL }) => {
  await signIn(page);
  const account = await createSandboxAccount(page.request, baseURL!, "Print spec");
  // The QR print sheet first, then the overview by the sidebar (a client-side navigation keeps the
  // sheet's stylesheet loaded): its print rules must not blank the overview.
  await page.goto(`/channels/print?account=${account.id}`);
  await page.getByRole("navigation").getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/\\?account=${account.id}`));
  await expect(page.getByTestId("kpi-scans")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("kpi-scans")).toBeVisible();
  await expect(page.getByTestId("export-menu")).toBeHidden();
});
