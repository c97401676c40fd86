// Conformance of the webhook with PROTOCOL.md §3–4 on a real database, over real HTTP, in each
// of the three modes: every event type kept, replies encrypted exactly when they must be, and
// WeChat's redeliveries (also concurrent) stored once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { eventXml, nowSeconds, post, randomOpenidForTest, sealForAccount } from "@/tests/support/webhook-client";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { getAccountCredentials } from "@/lib/accounts/account-records";
import { createChannel } from "@/lib/channels/create-channel";
import { getChannel } from "@/lib/channels/read-channels";
import { openEncryptedReply } from "@/lib/wechat/push";
import { computeSignature } from "@/lib/wechat/signature";
import { buildWechatXml, parseWechatXml } from "@/lib/wechat/xml";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const modes = ["plaintext", "compatible", "safe"] as const;

async function accountWithChannel(mode: (typeof modes)[number], welcomeMessage: string | null = null) {
  const account = await createAccount(sandboxAccountInput(app.server, { mode }));
  const channel = await createChannel({ accountId: account.id, name: "Poster", welcomeMessage });
  return { account, channel };
}

async function push(accountId: string, xml: string) {
  const sealed = await sealForAccount(app.server.url, accountId, xml);
  return post(sealed.url, sealed.body);
}

describe.each(modes)("in %s mode", (mode) => {
  it("keeps every event type: QR follow, SCAN, organic follow, unfollow, other events and messages", async () => {
    const { account, channel } = await accountWithChannel(mode);
    const credentials = await getAccountCredentials(account.id);
    const [a, b, c] = [randomOpenidForTest(), randomOpenidForTest(), randomOpenidForTest()];
    const t = nowSeconds() - 100;
    const pushes = [
      eventXml(credentials, {
        FromUserName: a,
        CreateTime: t,
        Event: "subscribe",
        EventKey: `qrscene_${channel.scene}`,
        Ticket: "gQH47joAAAAAAAAAASxodHRw",
      }),
      eventXml(credentials, {
        FromUserName: a,
        CreateTime: t + 1,
        Event: "SCAN",
        EventKey: channel.scene,
        Ticket: "gQH47joAAAAAAAAAASxodHRw",
      }),
      eventXml(credentials, { FromUserName: b, CreateTime: t + 2, Event: "subscribe", EventKey: "" }),
      eventXml(credentials, {
        FromUserName: c,
        CreateTime: t + 3,
        Event: "subscribe",
        EventKey: "last_trade_no_4200000123",
      }),
      eventXml(credentials, { FromUserName: a, CreateTime: t + 4, Event: "CLICK", EventKey: "menu_1" }),
      buildWechatXml({
        ToUserName: credentials.originalId ?? "",
        FromUserName: b,
        CreateTime: t + 5,
        MsgType: "text",
        Content: "你好 ]]> <b>",
        MsgId: `${t}0001`,
      }),
      eventXml(credentials, { FromUserName: a, CreateTime: t + 6, Event: "unsubscribe", EventKey: "" }),
      // Event names compare case-insensitively: WeChat's own case varies between events.
      eventXml(credentials, {
        FromUserName: a,
        CreateTime: t + 7,
        Event: "SUBSCRIBE",
        EventKey: `qrscene_${channel.scene}`,
      }),
      eventXml(credentials, { FromUserName: a, CreateTime: t + 8, Event: "scan", EventKey: channel.scene }),
    ];
    for (const xml of pushes) expect(await push(account.id, xml)).toEqual([200, "success"]);

    const events = await app.db.event.findMany({ where: { accountId: account.id }, orderBy: { occurredAt: "asc" } });
    expect(events.map((event) => [event.type, event.name, event.scene, event.channelId])).toEqual([
      ["subscribe", "subscribe", channel.scene, channel.id],
      ["scan", "scan", channel.scene, channel.id],
      ["subscribe", "subscribe", "", null],
      ["subscribe", "subscribe", "", null],
      ["other", "click", "", null],
      ["other", "msg:text", "", null],
      ["unsubscribe", "unsubscribe", channel.scene, channel.id],
      ["subscribe", "subscribe", channel.scene, channel.id],
      ["scan", "scan", channel.scene, channel.id],
    ]);
    expect(events.every((event) => event.raw?.startsWith("<xml>"))).toBe(true);
    expect((await getChannel(channel.id)).counts).toEqual({
      scans: 4,
      uniqueScanners: 1,
      newFollows: 2,
      unfollows: 1,
      netFollows: 1,
    });
  });

  it("answers a welcome message, encrypted exactly in compatible and safe mode, and success otherwise", async () => {
    const welcome = "欢迎光临 ]]> & <b>";
    const { account, channel } = await accountWithChannel(mode, welcome);
    const credentials = await getAccountCredentials(account.id);
    const openid = randomOpenidForTest();
    const [status, body] = await push(
      account.id,
      eventXml(credentials, { FromUserName: openid, Event: "subscribe", EventKey: `qrscene_${channel.scene}` }),
    );
    expect(status).toBe(200);

    let replyXml = body;
    if (mode === "plaintext") {
      expect(body).not.toContain("<Encrypt>");
    } else {
      const envelope = parseWechatXml(body);
      expect(Object.keys(envelope).sort()).toEqual(["Encrypt", "MsgSignature", "Nonce", "TimeStamp"]);
      expect(envelope.TimeStamp).toMatch(/^\d{10}$/);
      expect(Math.abs(Number(envelope.TimeStamp) - nowSeconds())).toBeLessThan(60);
      expect(envelope.MsgSignature).toBe(
        computeSignature([credentials.token, envelope.TimeStamp ?? "", envelope.Nonce ?? "", envelope.Encrypt ?? ""]),
      );
      replyXml = openEncryptedReply({ body, credentials });
    }
    const reply = parseWechatXml(replyXml);
    expect(reply).toMatchObject({
      ToUserName: openid,
      FromUserName: credentials.originalId,
      MsgType: "text",
      Content: welcome,
    });
    expect(replyXml).toContain("]]]]><![CDATA[>");

    // Nothing to say: "success", never encrypted.
    expect(
      await push(account.id, eventXml(credentials, { FromUserName: openid, Event: "unsubscribe", EventKey: "" })),
    ).toEqual([200, "success"]);
  });

  it("stores a push delivered three times, one after another and concurrently, exactly once", async () => {
    const { account, channel } = await accountWithChannel(mode);
    const credentials = await getAccountCredentials(account.id);
    const xml = eventXml(credentials, {
      FromUserName: randomOpenidForTest(),
      Event: "subscribe",
      EventKey: `qrscene_${channel.scene}`,
    });
    const sealed = await sealForAccount(app.server.url, account.id, xml);
    const sequential = [
      await post(sealed.url, sealed.body),
      await post(sealed.url, sealed.body),
      await post(sealed.url, sealed.body),
    ];
    const concurrent = await Promise.all([0, 1, 2].map(() => post(sealed.url, sealed.body)));
    expect([...sequential, ...concurrent].every(([status, body]) => status === 200 && body === "success")).toBe(true);
    expect(await app.db.event.count({ where: { accountId: account.id } })).toBe(1);
    expect((await getChannel(channel.id)).counts).toEqual({
      scans: 1,
      uniqueScanners: 1,
      newFollows: 1,
      unfollows: 0,
      netFollows: 1,
    });
  });

  it("counts exactly under concurrency: 20 followers, each push delivered 3 times at once", async () => {
    const { account, channel } = await accountWithChannel(mode);
    const credentials = await getAccountCredentials(account.id);
    const sealedPushes = await Promise.all(
      Array.from({ length: 20 }, () =>
        eventXml(credentials, {
          FromUserName: randomOpenidForTest(),
          Event: "subscribe",
          EventKey: `qrscene_${channel.scene}`,
        }),
      ).map((xml) => sealForAccount(app.server.url, account.id, xml)),
    );
    const replies = await Promise.all(
      sealedPushes.flatMap((sealed) => [0, 1, 2].map(() => post(sealed.url, sealed.body))),
    );
    expect(replies.filter(([status]) => status === 200)).toHaveLength(60);
    expect(await app.db.event.count({ where: { accountId: account.id } })).toBe(20);
    expect((await getChannel(channel.id)).counts).toEqual({
      scans: 20,
      uniqueScanners: 20,
      newFollows: 20,
      unfollows: 0,
      netFollows: 20,
    });
    expect(await app.db.follower.count({ where: { accountId: account.id, isFollowing: true } })).toBe(20);
  });

  it("counts exactly when one follower's different pushes arrive at once: 10 followers, a follow and two scans on three days, each twice", async () => {
    const { account, channel } = await accountWithChannel(mode);
    const credentials = await getAccountCredentials(account.id);
    const day = 86_400;
    const firstDay = nowSeconds() - 2 * day;
    const pushes = Array.from({ length: 10 }, () => randomOpenidForTest()).flatMap((openid) => [
      eventXml(credentials, {
        FromUserName: openid,
        CreateTime: firstDay,
        Event: "subscribe",
        EventKey: `qrscene_${channel.scene}`,
      }),
      eventXml(credentials, {
        FromUserName: openid,
        CreateTime: firstDay + day,
        Event: "SCAN",
        EventKey: channel.scene,
      }),
      eventXml(credentials, {
        FromUserName: openid,
        CreateTime: firstDay + 2 * day,
        Event: "SCAN",
        EventKey: channel.scene,
      }),
    ]);
    const sealedPushes = await Promise.all(pushes.map((xml) => sealForAccount(app.server.url, account.id, xml)));
    const replies = await Promise.all(
      sealedPushes.flatMap((sealed) => [0, 1].map(() => post(sealed.url, sealed.body))),
    );
    expect(replies.filter(([status]) => status === 200)).toHaveLength(60);
    expect(await app.db.event.count({ where: { accountId: account.id } })).toBe(30);
    expect(await app.db.follower.count({ where: { accountId: account.id, isFollowing: true } })).toBe(10);
    expect((await getChannel(channel.id)).counts).toEqual({
      scans: 30,
      uniqueScanners: 10,
      newFollows: 10,
      unfollows: 0,
      netFollows: 10,
    });
    // Each scope (the channel's scene, all channels): 3 scanner-days and 2 returns per follower, 1 first time.
    for (const scene of [channel.scene, ""]) {
      expect(await app.db.scannerDay.count({ where: { accountId: account.id, scene } })).toBe(30);
      const totals = await app.db.scannerDayTotal.aggregate({
        where: { accountId: account.id, scene },
        _sum: { scanners: true, firstTimeScanners: true },
      });
      expect(totals._sum).toEqual({ scanners: 30, firstTimeScanners: 10 });
      const returns = await app.db.scannerReturn.aggregate({
        where: { accountId: account.id, scene },
        _sum: { scanners: true },
      });
      expect(returns._sum.scanners).toBe(20);
    }
  });
});

describe("welcome messages", () => {
  it("are refused at save time over WeChat's 2048 bytes, with a clear message", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const error = await createChannel({ accountId: account.id, name: "Long", welcomeMessage: "欢".repeat(683) }).catch(
      (caught: unknown) => caught,
    );
    expect(JSON.stringify(error)).toContain("2048 bytes");
    expect(
      (await createChannel({ accountId: account.id, name: "Fits", welcomeMessage: "欢".repeat(682) })).welcomeMessage,
    ).toHaveLength(682);
  });
});
