// What a marketer does with the numbers: pick a range and a comparison (kept in the URL), print
// the overview, sort the channel list by retention, compare channels, watch pushes arrive live,
// and read a channel's retention. An account of the spec's own, fed by the
// sandbox, so the counts are known.
import { expect, test, type APIRequestContext } from "./fixtures";
import { createSandboxAccount, signIn } from "./channels-support";
import { pdfText } from "./pdf-text";

async function createChannel(
  request: APIRequestContext,
  accountId: string,
  name: string,
  group: string,
): Promise<string> {
  const response = await request.post("/api/channels", { data: { accountId, name, group } });
  expect(response.status()).toBe(201);
  return (await response.json()).id;
}

async function scan(request: APIRequestContext, channelId: string, openid?: string): Promise<string> {
  const response = await request.post("/api/sandbox/scan", { data: { channelId, ...(openid ? { openid } : {}) } });
  expect(response.status()).toBe(200);
  return (await response.json()).openid;
}

test("ranges in the URL, compare, live feed and a channel's retention", async ({ page, baseURL }) => {
  await signIn(page);
  const account = await createSandboxAccount(page.request, baseURL!, "Analytics spec");
  const poster = await createChannel(page.request, account.id, "Poster — Store 3", "Stores");
  const booth = await createChannel(page.request, account.id, "Booth — Fair", "Events");
  const fan = await scan(page.request, poster);
  await scan(page.request, poster, fan);
  await scan(page.request, poster);
  await scan(page.request, booth);

  await page.goto(`/?account=${account.id}`);
  await expect(page.getByTestId("kpi-scans")).toHaveText("4");
  await expect(page.getByTestId("kpi-unique-scanners")).toHaveText("3");
  await page.getByTestId("range-last7").click();
  await expect(page).toHaveURL(/range=last7/);
  await expect(page.getByTestId("kpi-scans")).toHaveText("4");
  await page.getByTestId("filter-group").selectOption("Events");
  await expect(page).toHaveURL(/groups=Events/);
  await expect(page.getByTestId("kpi-scans")).toHaveText("1");
  // The view is in the URL: reloading it shows the same numbers.
  await page.reload();
  await expect(page.getByTestId("kpi-scans")).toHaveText("1");
  await expect(page.getByTestId("trend-chart").locator("svg").first()).toBeVisible();
  // Today is still being counted: its point is drawn apart, and the chart says why.
  await expect(page.getByTestId("trend-incomplete-note")).toBeVisible();
  await page.getByTestId("trend-chart").first().screenshot({ path: "test-results/screenshots/trend-partial.png" });

  // Compared with the same days last year: the deltas say so, and the URL keeps it.
  await page.getByTestId("range-compare").selectOption("previousYear");
  await expect(page).toHaveURL(/compare=previousYear/);
  await expect(page.getByTestId("kpi-scans").locator("..")).toContainText("vs same period last year");

  // On paper, the overview prints what it shows.
  await page.emulateMedia({ media: "print" });
  const printed = (await pdfText(await page.pdf({ format: "A4", printBackground: true }))).replace(/\s+/g, "");
  await page.emulateMedia({ media: "screen" });
  for (const expected of ["Overview", "Uniquescanners", "vssameperiodlastyear", "Booth—Fair"])
    expect(printed).toContain(expected);

  // The channel list counts the range, and sorts by retention.
  await page.goto(`/channels?account=${account.id}`);
  await expect(page.getByTestId("channel-list-row")).toHaveCount(2);
  await page.getByTestId("sort-retentionD30").click();
  await expect(page).toHaveURL(/sort=retentionD30/);
  await expect(page.getByTestId("channel-list-row")).toHaveCount(2);

  await page.goto(`/compare?account=${account.id}&channels=${poster},${booth}`);
  const rows = page.getByTestId("compare-table").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Poster — Store 3");
  await expect(rows.first().locator("td").nth(1)).toContainText("3");

  await page.goto(`/live?account=${account.id}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "open");
  await expect(page.getByTestId("live-scans")).toHaveText("4");
  // Today's pushes are there at once, before anything new arrives.
  await expect(page.getByTestId("live-feed").locator("li")).toHaveCount(4);
  await scan(page.request, booth);
  await expect(page.getByTestId("live-feed").locator("li")).toHaveCount(5);
  await expect(page.getByTestId("live-feed")).toContainText("Booth — Fair");
  await expect(page.getByTestId("live-scans")).toHaveText("5");

  await page.goto(`/channels/${poster}?account=${account.id}`);
  await expect(page.getByTestId("channel-scans")).toHaveText("3");
  await expect(page.getByTestId("retention-chart")).toBeVisible();
  // Today's follows are not a day old yet: day 1 has nobody to count.
  await expect(page.getByTestId("retention-d1")).toHaveText("—");
});
