// Finding 6 of the security review: malformed input is the client's error, never a 500. A bad
// from/to/interval is a 422 naming the field on every stats and reports route (the range checks
// used to run on the unparsed dates); a body that is not JSON is a 400, and only that — a
// SyntaxError thrown anywhere else is a bug and answers 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { createApiKey } from "@/lib/auth/api-keys";
import { route } from "@/lib/http/route";
import { GET as summaryRoute } from "@/app/api/stats/summary/route";
import { GET as timeseriesRoute } from "@/app/api/stats/timeseries/route";
import { GET as channelStatsRoute } from "@/app/api/stats/channels/route";
import { GET as retentionRoute } from "@/app/api/stats/retention/route";
import { GET as channelsReportRoute } from "@/app/api/reports/channels/route";
import { GET as timeseriesReportRoute } from "@/app/api/reports/timeseries/route";
import { GET as workbookReportRoute } from "@/app/api/reports/workbook/route";
import { GET as eventsReportRoute } from "@/app/api/reports/events/route";
import { GET as eventsCountRoute } from "@/app/api/reports/events/count/route";
import { POST as createChannelRoute } from "@/app/api/channels/route";

type Handler = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;

let app: TestApp;
let key: string;
let accountId: string;
beforeAll(async () => {
  app = await startTestApp();
  key = (await createApiKey({ name: `errors-${randomBytes(3).toString("hex")}`, role: "admin" })).key;
  accountId = (await createAccount(sandboxAccountInput(app.server))).id;
});
afterAll(async () => {
  await app.close();
});

async function get(handler: Handler, path: string, params: Record<string, string>) {
  const request = new Request(`http://localhost${path}?${new URLSearchParams({ accountId, ...params })}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  const response = await handler(request, { params: Promise.resolve({}) });
  const isJson = response.headers.get("content-type")?.includes("application/json");
  const body = (isJson ? await response.json() : (await response.arrayBuffer(), {})) as {
    error?: { code: string; issues?: { path: (string | number)[] }[] };
  };
  return { status: response.status, body };
}

const rangeRoutes: [string, Handler, Record<string, string>][] = [
  ["/api/stats/summary", summaryRoute, {}],
  ["/api/stats/timeseries", timeseriesRoute, {}],
  ["/api/stats/channels", channelStatsRoute, {}],
  ["/api/stats/retention", retentionRoute, {}],
  ["/api/reports/channels", channelsReportRoute, { format: "csv" }],
  ["/api/reports/timeseries", timeseriesReportRoute, { format: "csv" }],
  ["/api/reports/workbook", workbookReportRoute, { format: "xlsx" }],
  ["/api/reports/events", eventsReportRoute, { format: "csv" }],
  ["/api/reports/events/count", eventsCountRoute, {}],
];

const badRanges: [Record<string, string>, string[]][] = [
  [{ from: "x", to: "y" }, ["from", "to"]],
  [{ from: "2024-03-01", to: "undefined" }, ["to"]],
  [{ from: "undefined", to: "2024-03-01" }, ["from"]],
  [{ from: "2024-03-01" }, ["to"]],
  [{ to: "2024-03-01" }, ["from"]],
  [{ from: "2024-02-30", to: "2024-03-01" }, ["from"]],
  [{ from: "2024-03-01T00:00:00Z", to: "2024-03-02" }, ["from"]],
  [{ from: "", to: "" }, ["from", "to"]],
  [{ from: "2024-03-02", to: "2024-03-01" }, ["from"]],
];

describe("bad dates on every stats and reports route", () => {
  for (const [path, handler, extra] of rangeRoutes) {
    it(`${path} answers 422 naming the field`, async () => {
      for (const [params, fields] of badRanges) {
        const { status, body } = await get(handler, path, { ...extra, ...params });
        expect(status, `${path} ${JSON.stringify(params)}`).toBe(422);
        expect(body.error?.code).toBe("validation_failed");
        const named = body.error?.issues?.map((issue) => issue.path[0]) ?? [];
        for (const field of fields) expect(named, `${path} ${JSON.stringify(params)}`).toContain(field);
      }
      const good = await get(handler, path, { ...extra, from: "2024-03-01", to: "2024-03-07" });
      expect(good.status, JSON.stringify(good.body)).toBe(200);
    });
  }
});

describe("bad intervals and comparisons", () => {
  const cases: [string, Handler, Record<string, string>, string][] = [
    ["/api/stats/timeseries", timeseriesRoute, { interval: "year" }, "interval"],
    ["/api/stats/timeseries", timeseriesRoute, { interval: "" }, "interval"],
    ["/api/stats/timeseries", timeseriesRoute, { interval: "hour", to: "2024-03-20" }, "to"],
    ["/api/stats/timeseries", timeseriesRoute, { interval: "hour", to: "soon" }, "to"],
    ["/api/reports/timeseries", timeseriesReportRoute, { format: "csv", interval: "hour" }, "interval"],
    ["/api/reports/timeseries", timeseriesReportRoute, { format: "csv", interval: "undefined" }, "interval"],
    ["/api/reports/timeseries", timeseriesReportRoute, { format: "pdf" }, "format"],
    ["/api/stats/summary", summaryRoute, { compare: "custom", compareFrom: "x", compareTo: "y" }, "compareFrom"],
    ["/api/stats/summary", summaryRoute, { compare: "custom", compareFrom: "2024-01-01", to: "x" }, "to"],
    [
      "/api/reports/workbook",
      workbookReportRoute,
      { compare: "custom", compareFrom: "x", compareTo: "y" },
      "compareTo",
    ],
  ];
  it("answer 422 naming the field", async () => {
    for (const [path, handler, params, field] of cases) {
      const { status, body } = await get(handler, path, { from: "2024-03-01", to: "2024-03-02", ...params });
      expect(status, `${path} ${JSON.stringify(params)}`).toBe(422);
      expect(body.error?.issues?.map((issue) => issue.path[0])).toContain(field);
    }
  });
});

describe("syntax errors", () => {
  it("a body that is not JSON is a 400", async () => {
    for (const text of ["{", "not json", '{"name": "x",}']) {
      const response = await createChannelRoute(
        new Request("http://localhost/api/channels", {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: text,
        }),
        { params: Promise.resolve({}) },
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string; message: string } }).error).toEqual({
        code: "bad_request",
        message: "The request body is not valid JSON",
      });
    }
  });

  it("a SyntaxError thrown after the body was read is a 500 with the generic message", async () => {
    const handler = route({ auth: "public", why: "test: a bug in domain code" }, async () => {
      JSON.parse("{ this is stored data, not the request }");
      return new Response("unreachable");
    });
    const response = await handler(new Request("http://localhost/x", { method: "POST", body: "{}" }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("internal");
  });
});
