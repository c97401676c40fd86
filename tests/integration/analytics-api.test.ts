// The stats API's contract around the numbers: validation, empty ranges and filters, archived
// channels, and the live feed of pushes (read from the database, so any app instance serves it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { createChannel } from "@/lib/channels/create-channel";
import { claimedSceneScannersHandler } from "@/lib/jobs/claimed-scene-scanners";
import { rebuildScannerTallies } from "@/lib/events/rebuild-tallies";
import { createApiKey } from "@/lib/auth/api-keys";
import { LiveCursor } from "@/lib/analytics/live-feed";
import { GET as liveRoute } from "@/app/api/live/route";
import { createStatsApi, pushToWebhook, type StatsApi } from "@/tests/support/stats-api";

let app: TestApp;
let api: StatsApi;
beforeAll(async () => {
  app = await startTestApp();
  api = await createStatsApi();
});
afterAll(async () => {
  await app.close();
});

const zero = { scans: 0, uniqueScanners: 0, newFollows: 0, unfollows: 0, netFollows: 0 };

describe("stats validation", () => {
  it("answers 422 with the field for a bad range or interval, 404 for an unknown account", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const cases: [Record<string, string>, string][] = [
      [{ from: "2024-03-02", to: "2024-03-01" }, "from"],
      [{ from: "2024-02-30", to: "2024-03-01" }, "from"],
      [{ from: "2020-01-01", to: "2024-01-01" }, "to"],
      [{ from: "2024-03-01", to: "2024-03-09", interval: "hour" }, "to"],
      [{ from: "2024-03-01", to: "2024-03-09", interval: "year" }, "interval"],
      [{ from: "2024-03-01", to: "soon" }, "to"],
      [{ from: "yesterday", to: "2024-03-01" }, "from"],
    ];
    for (const [params, field] of cases) {
      const { status, body } = await api.get("timeseries", { accountId: account.id, ...params });
      expect(status, JSON.stringify(params)).toBe(422);
      expect(
        (body as { error: { code: string; issues: { path: string[] }[] } }).error.issues.map((issue) => issue.path[0]),
      ).toContain(field);
    }
    const comparisonCases: [Record<string, string>, string][] = [
      [{ compare: "lastWeek" }, "compare"],
      [{ compare: "custom" }, "compareFrom"],
      [{ compare: "custom", compareFrom: "2024-02-01" }, "compareTo"],
      [{ compare: "custom", compareFrom: "2024-02-10", compareTo: "2024-02-01" }, "compareFrom"],
      [{ compare: "custom", compareFrom: "2024-02-01", compareTo: "soon" }, "compareTo"],
    ];
    for (const [params, field] of comparisonCases) {
      const { status, body } = await api.get("summary", {
        accountId: account.id,
        from: "2024-03-01",
        to: "2024-03-09",
        ...params,
      });
      expect(status, JSON.stringify(params)).toBe(422);
      expect(
        (body as { error: { code: string; issues: { path: string[] }[] } }).error.issues.map((issue) => issue.path[0]),
      ).toContain(field);
    }
    expect(
      (await api.get("summary", { accountId: "no-such-account", from: "2024-03-01", to: "2024-03-01" })).status,
    ).toBe(404);
  });
});

describe("empty ranges and filters", () => {
  it("returns every bucket with zeros, and nothing for a filter that matches no channel", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    await createChannel({ accountId: account.id, name: "Quiet poster", group: "Stores" });
    const days = await api.json<{ points: unknown[] }>("timeseries", {
      accountId: account.id,
      from: "2024-02-01",
      to: "2024-02-29",
      interval: "day",
    });
    expect(days.points).toHaveLength(29);
    expect(days.points[28]).toEqual({ start: "2024-02-29", end: "2024-02-29", ...zero });
    const months = await api.json<{ points: unknown[] }>("timeseries", {
      accountId: account.id,
      from: "2023-12-15",
      to: "2024-02-10",
      interval: "month",
    });
    expect(months.points).toEqual([
      { start: "2023-12-15", end: "2023-12-31", ...zero },
      { start: "2024-01-01", end: "2024-01-31", ...zero },
      { start: "2024-02-01", end: "2024-02-10", ...zero },
    ]);
    const hours = await api.json<{ points: { start: string }[] }>("timeseries", {
      accountId: account.id,
      from: "2024-02-01",
      to: "2024-02-01",
      interval: "hour",
    });
    expect(hours.points.map((point) => point.start)[0]).toBe("2024-01-31T16:00:00.000Z");
    expect(hours.points).toHaveLength(24);
    const none = { accountId: account.id, from: "2024-02-01", to: "2024-02-29", groups: "No such group" };
    expect(await api.json("summary", none)).toEqual({
      ...zero,
      organicFollows: 0,
      unattributedScans: 0,
      previous: { ...zero, organicFollows: 0, unattributedScans: 0 },
      previousRange: { from: "2024-01-03", to: "2024-01-31" },
    });
    expect(await api.json("channels", none)).toEqual({ rows: [] });
    expect((await api.json<{ points: unknown[] }>("timeseries", none)).points).toHaveLength(29);
  });

  it("keeps archived channels in the table, marked, with their history", async () => {
    const account = await createAccount(sandboxAccountInput(app.server, { mode: "plaintext" }));
    const channel = await createChannel({ accountId: account.id, name: "Old flyer" });
    const at = Math.floor(Date.parse("2024-05-10T04:00:00Z") / 1000);
    await pushToWebhook(app.server.url, account.id, {
      openid: "oArchivedFan0000000000000000",
      createTime: at,
      event: "subscribe",
      eventKey: `qrscene_${channel.scene}`,
    });
    await app.db.channel.update({ where: { id: channel.id }, data: { archivedAt: new Date() } });
    const { rows } = await api.json<{ rows: Record<string, unknown>[] }>("channels", {
      accountId: account.id,
      from: "2024-05-01",
      to: "2024-05-31",
    });
    expect(rows).toMatchObject([
      {
        channelId: channel.id,
        isArchived: true,
        scans: 1,
        newFollows: 1,
        uniqueScanners: 1,
        retention: { d1: 1, d7: 1, d30: 1 },
      },
    ]);
  });
});

describe("claiming a scene", () => {
  it("adds the scene's scanners to the account's unique scanners once a channel owns it", async () => {
    const account = await createAccount(sandboxAccountInput(app.server, { mode: "plaintext" }));
    const poster = await createChannel({ accountId: account.id, name: "Poster" });
    const at = Math.floor(Date.parse("2024-05-10T04:00:00Z") / 1000);
    await pushToWebhook(app.server.url, account.id, {
      openid: "oFromElsewhere00000000000000",
      createTime: at,
      event: "subscribe",
      eventKey: "qrscene_agency-code",
    });
    await pushToWebhook(app.server.url, account.id, {
      openid: "oFromElsewhere00000000000000",
      createTime: at + 86_400,
      event: "SCAN",
      eventKey: "agency-code",
    });
    await pushToWebhook(app.server.url, account.id, {
      openid: "oPosterFan000000000000000000",
      createTime: at + 60,
      event: "subscribe",
      eventKey: `qrscene_${poster.scene}`,
    });
    const range = { accountId: account.id, from: "2024-05-01", to: "2024-05-31" };
    expect(await api.json("summary", range)).toMatchObject({ scans: 1, uniqueScanners: 1, unattributedScans: 2 });
    await createChannel({
      accountId: account.id,
      name: "Agency code",
      qr: { kind: "permanent", scene: "agency-code" },
    });
    expect(await api.json("summary", range)).toMatchObject({ scans: 3, uniqueScanners: 2, unattributedScans: 0 });
    const days = await api.json<{ points: { start: string; uniqueScanners: number }[] }>("timeseries", {
      ...range,
      from: "2024-05-10",
      to: "2024-05-11",
    });
    expect(days.points.map((point) => point.uniqueScanners)).toEqual([2, 1]);
  });

  it("adds a large claimed scene in a job, to the same tallies a rebuild derives", async () => {
    const account = await createAccount(sandboxAccountInput(app.server, { mode: "plaintext" }));
    const poster = await createChannel({ accountId: account.id, name: "Poster" });
    const at = Math.floor(Date.parse("2024-05-10T04:00:00Z") / 1000);
    // Scanners of the poster and of a code made elsewhere, some of both, on several days.
    for (let index = 0; index < 12; index++) {
      const openid = `oClaimJob${String(index).padStart(19, "0")}`;
      const day = (index % 4) * 86_400;
      await pushToWebhook(app.server.url, account.id, {
        openid,
        createTime: at + day,
        event: "subscribe",
        eventKey: index % 3 === 0 ? `qrscene_${poster.scene}` : "qrscene_agency-code",
      });
      if (index % 2 === 0)
        await pushToWebhook(app.server.url, account.id, {
          openid,
          createTime: at + day + 86_400 * 2,
          event: "SCAN",
          eventKey: "agency-code",
        });
    }
    // Claimed by a channel row alone: the job is what adds the scene.
    await app.db.channel.create({
      data: {
        accountId: account.id,
        name: "Agency code",
        qrKind: "permanent",
        sceneType: "str",
        scene: "agency-code",
        ticket: "t",
        url: "http://weixin.qq.com/q/agency",
      },
    });
    await claimedSceneScannersHandler.run([{ accountId: account.id, scene: "agency-code" }]);
    const tallies = () =>
      Promise.all([
        app.db.scannerDayTotal.findMany({
          where: { accountId: account.id },
          orderBy: [{ scene: "asc" }, { day: "asc" }],
          omit: { accountId: true },
        }),
        app.db.scannerReturn.findMany({
          where: { accountId: account.id },
          orderBy: [{ scene: "asc" }, { day: "asc" }, { previousDay: "asc" }],
          omit: { accountId: true },
        }),
      ]);
    const afterJob = await tallies();
    await rebuildScannerTallies(account.id);
    expect(await tallies()).toEqual(afterJob);
    const summary = await api.json<{ uniqueScanners: number }>("summary", {
      accountId: account.id,
      from: "2024-05-01",
      to: "2024-05-31",
    });
    expect(summary.uniqueScanners).toBe(12);
  });
});

describe("the live feed", () => {
  it("follows new pushes by id, with channel names, and resumes from the last id", async () => {
    const account = await createAccount(sandboxAccountInput(app.server, { mode: "plaintext" }));
    const channel = await createChannel({ accountId: account.id, name: "Expo booth" });
    const now = Math.floor(Date.now() / 1000);
    await pushToWebhook(app.server.url, account.id, {
      openid: "oBefore000000000000000000000",
      createTime: now - 5,
      event: "subscribe",
      eventKey: "",
    });
    // Two viewers, as on two app instances: each reads the database on its own.
    const first = await LiveCursor.start(account.id, null);
    const second = await LiveCursor.start(account.id, null);
    expect(await first.poll()).toEqual([]);
    await pushToWebhook(app.server.url, account.id, {
      openid: "oLiveFan00000000000000000001",
      createTime: now,
      event: "subscribe",
      eventKey: `qrscene_${channel.scene}`,
    });
    await pushToWebhook(app.server.url, account.id, {
      openid: "oLiveFan00000000000000000001",
      createTime: now + 1,
      event: "SCAN",
      eventKey: channel.scene,
    });
    const seen = await first.poll();
    expect(seen.map((event) => [event.type, event.channelName, event.openid])).toEqual([
      ["subscribe", "Expo booth", "oLiv…0001"],
      ["scan", "Expo booth", "oLiv…0001"],
    ]);
    expect(await first.poll()).toEqual([]);
    expect((await second.poll()).map((event) => event.id)).toEqual(seen.map((event) => event.id));
    const resumed = await LiveCursor.start(account.id, seen[0]!.id);
    expect((await resumed.poll()).map((event) => event.id)).toEqual([seen[1]!.id]);
  });

  it("streams them as server-sent events", async () => {
    const account = await createAccount(sandboxAccountInput(app.server, { mode: "plaintext" }));
    const { key } = await createApiKey({ name: "live", role: "viewer" });
    // Pushed before the viewer opens the feed: shown at once, before anything new.
    await pushToWebhook(app.server.url, account.id, {
      openid: "oEarlier00000000000000000000",
      createTime: Math.floor(Date.now() / 1000) - 60,
      event: "subscribe",
      eventKey: "",
    });
    const abort = new AbortController();
    const response = await liveRoute(
      new Request(`http://localhost/api/live?accountId=${account.id}`, {
        headers: { authorization: `Bearer ${key}` },
        signal: abort.signal,
      }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    await pushToWebhook(app.server.url, account.id, {
      openid: "oStreamed0000000000000000000",
      createTime: Math.floor(Date.now() / 1000),
      event: "subscribe",
      eventKey: "",
    });
    const reader = response.body!.getReader();
    let text = "";
    const deadline = Date.now() + 5_000;
    while ((text.match(/event: push/g) ?? []).length < 2 && Date.now() < deadline)
      text += new TextDecoder().decode((await reader.read()).value);
    abort.abort();
    expect(text).toContain("event: ready");
    const pushes = [...text.matchAll(/event: push\ndata: (.*)\n/g)].map((match) => JSON.parse(match[1]!));
    expect(pushes.map((push) => push.openid)).toEqual(["oEar…0000", "oStr…0000"]);
    expect(pushes[1]).toMatchObject({ type: "subscribe", scene: "", channelId: null, openid: "oStr…0000" });
    expect(/^id: \d+$/m.test(text)).toBe(true);
  });
});
