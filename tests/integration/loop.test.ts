// The walking skeleton end to end on a real database: create a code through the sandbox API,
// "scan" it (the emulator pushes over HTTP to the webhook), and read the counts back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { getAccountCredentials } from "@/lib/accounts/account-records";
import { createChannel } from "@/lib/channels/create-channel";
import { getChannel } from "@/lib/channels/read-channels";
import { simulateScan, simulateUnfollow } from "@/lib/sandbox/simulate";
import { getSummary } from "@/lib/analytics/summary";
import { getTimeseries } from "@/lib/analytics/timeseries";
import { todayIn, addDays } from "@/lib/time/zone";
import { buildWechatXml } from "@/lib/wechat/xml";
import { sealPush } from "@/lib/wechat/push";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

function statsQuery(accountId: string) {
  const today = todayIn("Asia/Shanghai");
  return { accountId, from: addDays(today, -6), to: today, interval: "day" as const };
}

async function pushRaw(accountId: string, xml: string, openid: string) {
  const credentials = await getAccountCredentials(accountId);
  const sealed = sealPush({
    xml,
    mode: credentials.mode,
    credentials: { token: credentials.token, appId: credentials.appId, encodingAESKey: credentials.encodingAESKey },
    timestamp: String(Math.floor(Date.now() / 1000)),
    nonce: "12345",
    openid,
  });
  return {
    url: `${app.server.url}/api/wechat/${accountId}?${new URLSearchParams(sealed.query)}`,
    body: sealed.body,
    query: sealed.query,
  };
}

describe.each(["plaintext", "compatible", "safe"] as const)("the loop in %s mode", (mode) => {
  it("counts a new follow, a repeat scan and an unfollow on the channel and the account", async () => {
    const account = await createAccount(sandboxAccountInput(app.server, { mode }));
    const channel = await createChannel({
      accountId: account.id,
      name: "Poster — Store 12",
      welcomeMessage: "欢迎 <b>]]></b>",
    });
    expect(channel.scene).toBe("1");
    expect(channel.qr.url).toMatch(/^http:\/\/weixin\.qq\.com\/q\//);
    expect(channel.qr.kind).toBe("permanent");

    const first = await simulateScan({ channelId: channel.id });
    expect(first).toMatchObject({
      event: "subscribe",
      eventKey: "qrscene_1",
      replyStatus: 200,
      attempts: 1,
      error: null,
    });
    expect(first.reply).toContain("欢迎 <b>]]></b>".replace("]]>", "]]]]><![CDATA[>"));
    const again = await simulateScan({ channelId: channel.id, openid: first.openid });
    expect(again).toMatchObject({ event: "SCAN", eventKey: "1" });
    await simulateScan({ channelId: channel.id });

    expect((await getChannel(channel.id)).counts).toEqual({
      scans: 3,
      uniqueScanners: 2,
      newFollows: 2,
      unfollows: 0,
      netFollows: 2,
    });
    const unfollow = await simulateUnfollow({ accountId: account.id, openid: first.openid });
    expect(unfollow.reply).toBe("success");

    const summary = await getSummary(statsQuery(account.id));
    expect(summary).toMatchObject({
      scans: 3,
      uniqueScanners: 2,
      newFollows: 2,
      unfollows: 1,
      netFollows: 1,
      organicFollows: 0,
      unattributedScans: 0,
    });
    expect(summary.previous.scans).toBe(0);
    const series = await getTimeseries(statsQuery(account.id));
    expect(series.points).toHaveLength(7);
    expect(series.points.at(-1)).toMatchObject({
      scans: 3,
      uniqueScanners: 2,
      newFollows: 2,
      unfollows: 1,
      netFollows: 1,
    });
    expect(series.points.slice(0, 6).every((point) => point.scans === 0)).toBe(true);
  });
});

describe("the webhook", () => {
  it("stores a push delivered three times, also concurrently, exactly once", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const channel = await createChannel({ accountId: account.id, name: "Booth" });
    const openid = `o${randomBytes(10).toString("hex")}`;
    const xml = buildWechatXml({
      ToUserName: (await getAccountCredentials(account.id)).originalId ?? "",
      FromUserName: openid,
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: "event",
      Event: "subscribe",
      EventKey: `qrscene_${channel.scene}`,
    });
    const push = await pushRaw(account.id, xml, openid);
    const send = () =>
      fetch(push.url, { method: "POST", body: push.body }).then(async (response) => [
        response.status,
        await response.text(),
      ]);
    const replies = [await send(), ...(await Promise.all([send(), send()]))];
    expect(replies).toEqual([
      [200, "success"],
      [200, "success"],
      [200, "success"],
    ]);
    expect(await app.db.event.count({ where: { accountId: account.id } })).toBe(1);
    expect((await getChannel(channel.id)).counts).toMatchObject({ scans: 1, newFollows: 1 });
  });

  it("refuses a forged signature with 401 and stores nothing", async () => {
    const account = await createAccount(sandboxAccountInput(app.server, { mode: "plaintext" }));
    const xml = buildWechatXml({
      ToUserName: "gh_x",
      FromUserName: "oForged000",
      CreateTime: 1714037059,
      MsgType: "event",
      Event: "subscribe",
      EventKey: "",
    });
    const push = await pushRaw(account.id, xml, "oForged000");
    const forged = new URLSearchParams({ ...push.query, signature: "0".repeat(40) });
    const response = await fetch(`${app.server.url}/api/wechat/${account.id}?${forged}`, {
      method: "POST",
      body: push.body,
    });
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthorized");
    expect(await app.db.event.count({ where: { accountId: account.id } })).toBe(0);
  });

  it("answers URL verification with echostr only when the signature holds", async () => {
    const account = await createAccount(sandboxAccountInput(app.server, { mode: "plaintext" }));
    const push = await pushRaw(account.id, "<xml></xml>", "oVerify000");
    const query = new URLSearchParams({
      signature: push.query.signature!,
      timestamp: push.query.timestamp!,
      nonce: push.query.nonce!,
      echostr: "4375120948345356249",
    });
    const good = await fetch(`${app.server.url}/api/wechat/${account.id}?${query}`);
    expect([good.status, await good.text()]).toEqual([200, "4375120948345356249"]);
    query.set("signature", "f".repeat(40));
    expect((await fetch(`${app.server.url}/api/wechat/${account.id}?${query}`)).status).toBe(401);
  });

  it("keeps scans of an unknown scene as unattributed until a channel claims the scene", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    await simulateScan({ accountId: account.id, scene: "made-elsewhere" });
    expect(await getSummary(statsQuery(account.id))).toMatchObject({ scans: 0, unattributedScans: 1 });
    const channel = await createChannel({
      accountId: account.id,
      name: "Claimed",
      qr: { kind: "permanent", scene: "made-elsewhere" },
    });
    expect(channel.counts).toMatchObject({ scans: 1, newFollows: 1 });
    expect(await app.db.event.count({ where: { accountId: account.id, channelId: channel.id } })).toBe(1);
    expect(await getSummary(statsQuery(account.id))).toMatchObject({ scans: 1, unattributedScans: 0 });
  });

  it("returns 404 for an unknown account", async () => {
    const response = await fetch(`${app.server.url}/api/wechat/no-such-account?signature=a&timestamp=1&nonce=1`, {
      method: "POST",
      body: "<xml/>",
    });
    expect(response.status).toBe(404);
  });
});

describe("follow periods", () => {
  it("open on a follow, close on the unfollow, and open again through another channel", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const poster = await createChannel({ accountId: account.id, name: "Poster" });
    const booth = await createChannel({ accountId: account.id, name: "Booth" });
    const { openid } = await simulateScan({ channelId: poster.id });
    await simulateUnfollow({ accountId: account.id, openid });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // a new CreateTime second
    await simulateScan({ channelId: booth.id, openid });
    const periods = await app.db.followPeriod.findMany({
      where: { accountId: account.id, openid },
      orderBy: { id: "asc" },
    });
    expect(periods.map((period) => [period.scene, period.endedAt !== null])).toEqual([
      [poster.scene, true],
      [booth.scene, false],
    ]);
    const follower = await app.db.follower.findUniqueOrThrow({
      where: { accountId_openid: { accountId: account.id, openid } },
    });
    expect([follower.isFollowing, follower.currentScene, follower.firstScene]).toEqual([
      true,
      booth.scene,
      poster.scene,
    ]);
  });
});
