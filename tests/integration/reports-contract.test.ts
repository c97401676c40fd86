// The report downloads' HTTP contract as integrations rely on it: bad parameters are a 422 naming
// the field, never a 500; an unknown account is a 404; no key is a 401; files are attachments
// whose names keep their Chinese.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { createChannel } from "@/lib/channels/create-channel";
import { createReportsApi, parseXlsxReport, type ReportResource } from "@/tests/support/report-files";
import { GET as channelsRoute } from "@/app/api/reports/channels/route";

let app: TestApp;
let reports: Awaited<ReturnType<typeof createReportsApi>>;
let accountId: string;
beforeAll(async () => {
  app = await startTestApp();
  reports = await createReportsApi();
  const account = await createAccount({ ...sandboxAccountInput(app.server), name: "品牌号 Brand" });
  accountId = account.id;
  await createChannel({ accountId, name: "门店 7 海报", group: "Stores" });
});
afterAll(async () => {
  await app.close();
});

function issuePaths(body: Buffer): string[] {
  const parsed = JSON.parse(body.toString("utf8")) as { error: { issues?: { path: string[] }[] } };
  return (parsed.error.issues ?? []).map((issue) => issue.path.join("."));
}

describe("report downloads", () => {
  it.each<[ReportResource, Record<string, string>, string]>([
    ["channels", { format: "pdf" }, "format"],
    ["channels", { format: "csv", from: "2026-02-30" }, "from"],
    ["channels", { format: "csv", from: "2020-01-01", to: "2026-01-01" }, "to"],
    ["channels", { format: "csv", lang: "fr" }, "lang"],
    ["timeseries", { format: "csv", interval: "hour" }, "interval"],
    ["timeseries", { format: "csv", perChannel: "yes" }, "perChannel"],
    ["workbook", { format: "csv" }, "format"],
    ["events", { format: "xlsx" }, "format"],
    ["events/count", { to: "soon" }, "to"],
  ])("%s with %j is a 422 naming %s", async (resource, params, field) => {
    const response = await reports.get(resource, { accountId, from: "2026-11-01", to: "2026-11-30", ...params });
    expect(response.status).toBe(422);
    expect(issuePaths(response.bytes)).toContain(field);
  });

  it("answers 404 for an account that does not exist and 401 without a key", async () => {
    const missing = await reports.get("channels", {
      accountId: "nope",
      from: "2026-11-01",
      to: "2026-11-30",
      format: "csv",
    });
    expect(missing.status).toBe(404);
    const anonymous = await channelsRoute(
      new Request(
        `http://localhost/api/reports/channels?accountId=${accountId}&from=2026-11-01&to=2026-11-30&format=csv`,
      ),
      { params: Promise.resolve({}) },
    );
    expect(anonymous.status).toBe(401);
  });

  it("sends an attachment whose file name keeps Chinese", async () => {
    const file = await reports.get("channels", {
      accountId,
      from: "2026-11-01",
      to: "2026-11-30",
      format: "xlsx",
      lang: "zh",
    });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("spreadsheetml");
    const disposition = file.headers.get("content-disposition")!;
    expect(disposition).toMatch(/^attachment; filename="/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe("品牌号 Brand-渠道-2026-11-01_2026-11-30.xlsx");
    const [sheet] = await parseXlsxReport(file.bytes);
    expect(sheet!.header.slice(0, 5)).toEqual(["渠道 ID", "渠道", "分组", "场景值", "扫码次数"]);
    expect(sheet!.rows[0]![1]).toBe("门店 7 海报");
  });

  it("streams the raw events as CSV even when the range has none", async () => {
    const file = await reports.get("events", { accountId, from: "2026-11-01", to: "2026-11-30" });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(file.bytes.toString("utf8")).toBe("\uFEFFTime,Event,Channel ID,Channel,Scene,OpenID\r\n");
  });
});
