// What a hostile or broken sender can do to the webhook: nothing. Every refusal has its status
// (413, 400, 401, 404), none is a 500, and none stores an event, a follower or a job.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCipheriv, randomBytes } from "node:crypto";
import { connect } from "node:net";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import {
  eventXml,
  nowSeconds,
  post,
  randomOpenidForTest,
  sealForAccount,
  webhookUrl,
} from "@/tests/support/webhook-client";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { getAccountCredentials, type AccountCredentials } from "@/lib/accounts/account-records";
import { decodeAesKey, encryptMessage } from "@/lib/wechat/crypto";
import { computeSignature } from "@/lib/wechat/signature";
import { buildWechatXml } from "@/lib/wechat/xml";

let app: TestApp;
let safeAccountId: string;
let plainAccountId: string;
let safe: AccountCredentials;
let plain: AccountCredentials;

beforeAll(async () => {
  app = await startTestApp();
  safeAccountId = (await createAccount(sandboxAccountInput(app.server, { mode: "safe" }))).id;
  plainAccountId = (await createAccount(sandboxAccountInput(app.server, { mode: "plaintext" }))).id;
  [safe, plain] = await Promise.all([getAccountCredentials(safeAccountId), getAccountCredentials(plainAccountId)]);
});
afterAll(async () => {
  await app.close();
});

async function expectNothingStored(): Promise<void> {
  const where = { accountId: { in: [safeAccountId, plainAccountId] } };
  expect(await app.db.event.count({ where })).toBe(0);
  expect(await app.db.follower.count({ where })).toBe(0);
  expect(await app.db.job.count({ where: { payload: { contains: safeAccountId } } })).toBe(0);
}

function subscribeXml(credentials: AccountCredentials, extra: Record<string, string | number> = {}) {
  return eventXml(credentials, {
    FromUserName: randomOpenidForTest(),
    Event: "subscribe",
    EventKey: "qrscene_7",
    ...extra,
  });
}

/** A signed safe-mode push whose Encrypt is `encrypt`. */
function signedEncryptedPush(credentials: AccountCredentials, accountId: string, encrypt: string) {
  const timestamp = String(nowSeconds());
  const query = {
    signature: computeSignature([credentials.token, timestamp, "1"]),
    timestamp,
    nonce: "1",
    encrypt_type: "aes",
    msg_signature: computeSignature([credentials.token, timestamp, "1", encrypt]),
  };
  return {
    url: webhookUrl(app.server.url, accountId, query),
    body: buildWechatXml({ ToUserName: credentials.originalId ?? "", Encrypt: encrypt }),
  };
}

describe("the body limit (64 KB)", () => {
  it("refuses a declared oversize body with 413", async () => {
    const sealed = await sealForAccount(
      app.server.url,
      plainAccountId,
      subscribeXml(plain, { Padding: "x".repeat(70_000) }),
    );
    expect((await post(sealed.url, sealed.body))[0]).toBe(413);
    await expectNothingStored();
  });

  it("refuses a chunked body without content-length once it passes the limit, before it ends", async () => {
    const sealed = await sealForAccount(app.server.url, plainAccountId, subscribeXml(plain));
    const url = new URL(sealed.url);
    const socket = connect(Number(url.port), url.hostname);
    const answer = new Promise<string>((resolve, reject) => {
      let received = "";
      socket.on("data", (data) => {
        received += data.toString("latin1");
        if (received.includes("\r\n\r\n")) resolve(received);
      });
      socket.on("error", reject);
    });
    socket.write(
      `POST ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nTransfer-Encoding: chunked\r\nContent-Type: text/xml\r\n\r\n`,
    );
    const chunk = Buffer.alloc(16 * 1024, "a");
    // 80 KB sent, the terminating chunk never: the answer must come anyway.
    for (let sent = 0; sent < 5; sent++)
      socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString("latin1")}\r\n`);
    const head = await answer;
    socket.destroy();
    expect(head.split("\r\n")[0]).toBe("HTTP/1.1 413 Payload Too Large");
    await expectNothingStored();
  });

  it("refuses a streamed body of 1 MB sent with fetch", async () => {
    const sealed = await sealForAccount(app.server.url, plainAccountId, subscribeXml(plain));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 64; index++) controller.enqueue(new Uint8Array(16 * 1024).fill(60));
        controller.close();
      },
    });
    const response = await fetch(sealed.url, { method: "POST", body, duplex: "half" } as RequestInit);
    expect(response.status).toBe(413);
    await expectNothingStored();
  });
});

describe("malformed or hostile XML", () => {
  const xxe = `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><ToUserName>&xxe;</ToUserName></xml>`;
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><xml><FromUserName>&lol3;</FromUserName></xml>`;
  const bodies: [string, () => string][] = [
    ["an XXE entity", () => xxe],
    ["billion laughs", () => laughs],
    ["not XML", () => "hello"],
    ["an empty body", () => ""],
    ["JSON (WeChat's JSON data format)", () => JSON.stringify({ ToUserName: plain.originalId, MsgType: "event" })],
    ["a NUL character", () => subscribeXml(plain).replace("qrscene_7", "qrscene_\u00007")],
    ["two roots", () => `${subscribeXml(plain)}<xml></xml>`],
    [
      "no FromUserName",
      () =>
        buildWechatXml({
          ToUserName: plain.originalId ?? "",
          CreateTime: nowSeconds(),
          MsgType: "event",
          Event: "subscribe",
        }),
    ],
    ["an openid of 10 000 characters", () => subscribeXml(plain, { FromUserName: "o".repeat(10_000) })],
    ["a scene of 65 characters", () => subscribeXml(plain, { EventKey: `qrscene_${"s".repeat(65)}` })],
    ["a CreateTime past 2106", () => subscribeXml(plain, { CreateTime: 99_999_999_999_999 })],
  ];

  it.each(bodies)("answers 400 to %s, correctly signed", async (_name, body) => {
    const sealed = await sealForAccount(app.server.url, plainAccountId, "<xml/>", { mode: "plaintext" });
    const [status, text] = await post(sealed.url, body());
    expect(status).toBe(400);
    expect(JSON.parse(text).error.code).toBe("bad_request");
    await expectNothingStored();
  });

  it.each([
    ["an XXE entity", xxe],
    ["billion laughs", laughs],
  ])("answers 400 to %s inside the encrypted message, correctly signed", async (_name, xml) => {
    const encrypt = encryptMessage({ message: xml, appId: safe.appId, encodingAESKey: safe.encodingAESKey ?? "" });
    const push = signedEncryptedPush(safe, safeAccountId, encrypt);
    expect((await post(push.url, push.body))[0]).toBe(400);
    await expectNothingStored();
  });
});

describe("the query and the signatures", () => {
  it.each(["signature", "timestamp", "nonce"])("answers 400 without %s", async (param) => {
    const sealed = await sealForAccount(app.server.url, plainAccountId, subscribeXml(plain));
    const query = { ...sealed.query };
    delete query[param];
    expect((await post(webhookUrl(app.server.url, plainAccountId, query), sealed.body))[0]).toBe(400);
    await expectNothingStored();
  });

  it.each<[string, Record<string, string>]>([
    ["a timestamp that is not a number", { timestamp: "12ab" }],
    ["an unknown encrypt_type", { encrypt_type: "rsa" }],
    ["encrypt_type=aes without msg_signature", { encrypt_type: "aes" }],
  ])("answers 400 to %s", async (_name, override) => {
    const sealed = await sealForAccount(app.server.url, plainAccountId, subscribeXml(plain));
    const query: Record<string, string> = { ...sealed.query, ...override };
    if (override.timestamp) query.signature = computeSignature([plain.token, override.timestamp, query.nonce ?? ""]);
    expect((await post(webhookUrl(app.server.url, plainAccountId, query), sealed.body))[0]).toBe(400);
    await expectNothingStored();
  });

  it("answers 401 to a forged signature or msg_signature, in each mode", async () => {
    for (const [accountId, credentials] of [
      [plainAccountId, plain],
      [safeAccountId, safe],
    ] as const) {
      const sealed = await sealForAccount(app.server.url, accountId, subscribeXml(credentials));
      expect(
        (
          await post(webhookUrl(app.server.url, accountId, { ...sealed.query, signature: "0".repeat(40) }), sealed.body)
        )[0],
      ).toBe(401);
      expect(
        (await post(webhookUrl(app.server.url, accountId, { ...sealed.query, signature: "not-hex" }), sealed.body))[0],
      ).toBe(401);
    }
    const sealed = await sealForAccount(app.server.url, safeAccountId, subscribeXml(safe));
    expect(
      (
        await post(
          webhookUrl(app.server.url, safeAccountId, { ...sealed.query, msg_signature: "f".repeat(40) }),
          sealed.body,
        )
      )[0],
    ).toBe(401);
    // Signed with another token entirely.
    const other = await sealForAccount(app.server.url, safeAccountId, subscribeXml(safe), {
      sealWith: { token: "AnotherToken123" },
    });
    expect((await post(other.url, other.body))[0]).toBe(401);
    await expectNothingStored();
  });

  it("answers 401 to a message encrypted for another appid", async () => {
    const sealed = await sealForAccount(app.server.url, safeAccountId, subscribeXml(safe), {
      sealWith: { appId: "wx0000000000000000" },
    });
    const [status, text] = await post(sealed.url, sealed.body);
    expect([status, JSON.parse(text).error.code]).toEqual([401, "unauthorized"]);
    await expectNothingStored();
  });

  it("answers 400 to bad padding, correctly signed", async () => {
    const key = decodeAesKey(safe.encodingAESKey ?? "");
    const message = Buffer.from(subscribeXml(safe));
    const length = Buffer.alloc(4);
    length.writeUInt32BE(message.length);
    let plaintext = Buffer.concat([randomBytes(16), length, message, Buffer.from(safe.appId)]);
    plaintext = Buffer.concat([plaintext, Buffer.alloc(32 - (plaintext.length % 32), 0)]); // pad byte 0: out of range
    const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16)).setAutoPadding(false);
    const encrypt = Buffer.concat([cipher.update(plaintext), cipher.final()]).toString("base64");
    const push = signedEncryptedPush(safe, safeAccountId, encrypt);
    expect((await post(push.url, push.body))[0]).toBe(400);
    const garbage = signedEncryptedPush(safe, safeAccountId, randomBytes(64).toString("base64"));
    expect((await post(garbage.url, garbage.body))[0]).toBe(400);
    await expectNothingStored();
  });

  it("answers 401 to an unencrypted push for an account WeChat encrypts for (a downgrade)", async () => {
    const sealed = await sealForAccount(app.server.url, safeAccountId, subscribeXml(safe), { mode: "plaintext" });
    const [status, text] = await post(sealed.url, sealed.body);
    expect([status, JSON.parse(text).error.message]).toEqual([
      401,
      "This account is in safe mode: unencrypted pushes are refused",
    ]);
    await expectNothingStored();
  });

  it("answers 401 to a correctly signed push from more than a day ago (a captured query replayed)", async () => {
    const sealed = await sealForAccount(app.server.url, plainAccountId, subscribeXml(plain), {
      timestamp: String(nowSeconds() - 2 * 86_400),
    });
    expect((await post(sealed.url, sealed.body))[0]).toBe(401);
    await expectNothingStored();
  });

  it("answers 401 to a push addressed to another official account", async () => {
    const sealed = await sealForAccount(
      app.server.url,
      safeAccountId,
      subscribeXml(safe, { ToUserName: "gh_someoneelse" }),
    );
    expect((await post(sealed.url, sealed.body))[0]).toBe(401);
    await expectNothingStored();
  });

  it("answers 404 for an unknown account, on GET and POST", async () => {
    const sealed = await sealForAccount(app.server.url, plainAccountId, subscribeXml(plain));
    expect((await post(webhookUrl(app.server.url, "no-such-account", sealed.query), sealed.body))[0]).toBe(404);
    expect((await fetch(webhookUrl(app.server.url, "no-such-account", { ...sealed.query, echostr: "1" }))).status).toBe(
      404,
    );
  });

  it("answers URL verification only with a valid signature and an echostr", async () => {
    const sealed = await sealForAccount(app.server.url, safeAccountId, subscribeXml(safe));
    const { signature = "", timestamp = "", nonce = "" } = sealed.query;
    const good = await fetch(
      webhookUrl(app.server.url, safeAccountId, { signature, timestamp, nonce, echostr: "echo<script>" }),
    );
    expect([good.status, await good.text(), good.headers.get("content-type")]).toEqual([
      200,
      "echo<script>",
      "text/plain; charset=utf-8",
    ]);
    expect((await fetch(webhookUrl(app.server.url, safeAccountId, { signature, timestamp, nonce }))).status).toBe(400);
    expect(
      (
        await fetch(
          webhookUrl(app.server.url, safeAccountId, { signature: "1".repeat(40), timestamp, nonce, echostr: "x" }),
        )
      ).status,
    ).toBe(401);
  });
});
