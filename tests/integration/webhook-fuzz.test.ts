// Fuzzing the webhook over real HTTP: thousands of pushes, each a valid push with one to three
// mutations of its body, its encrypted payload or its query. Whatever arrives, the answer is
// never a 500, and a refused push stores nothing. Reproducible: FUZZ_SEED=<n> replays a run,
// FUZZ_ITERATIONS=<n> changes its length.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { post, webhookUrl } from "@/tests/support/webhook-client";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { getAccountCredentials, type AccountCredentials } from "@/lib/accounts/account-records";
import { createChannel } from "@/lib/channels/create-channel";
import { encryptMessage } from "@/lib/wechat/crypto";
import { computeSignature } from "@/lib/wechat/signature";
import { buildWechatXml } from "@/lib/wechat/xml";

const seed = Number(process.env.FUZZ_SEED ?? 20_260_412);
const iterations = Number(process.env.FUZZ_ITERATIONS ?? 2_000);
// 431: the HTTP server's own header limit, met by a grossly mutated query before the app runs.
const allowedStatuses = new Set([200, 400, 401, 404, 413, 431]);

/** mulberry32: small, fast and good enough to drive mutations reproducibly. */
function createRandom(seedValue: number) {
  let state = seedValue >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const bytes = (length: number) => Buffer.from(Array.from({ length }, () => int(256)));
  return { next, int, pick, bytes };
}
type Random = ReturnType<typeof createRandom>;

const snippets = [
  '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
  "&x;",
  '<!ENTITY a "b">',
  "]]>",
  "<![CDATA[",
  "\u0000",
  "\uFFFF",
  "\uD83D\uDE00",
  "<xml>",
  "</xml>",
  "<Event>subscribe</Event>",
  "<FromUserName></FromUserName>",
  "<CreateTime>-1</CreateTime>",
  '<?xml version="1.0"?>',
  "&amp;",
  "&#0;",
  "&#x1F600;",
  '<a b="c">',
  "渠道",
  "'\"",
  "%00",
  "\r\n",
  "x".repeat(3000),
  "9".repeat(40),
];
const eventNames = [
  "subscribe",
  "SCAN",
  "unsubscribe",
  "CLICK",
  "VIEW",
  "LOCATION",
  "Subscribe",
  "scan",
  "TEMPLATESENDJOBFINISH",
  "",
  "😀",
];
const eventKeys = (scene: string) => [
  `qrscene_${scene}`,
  scene,
  "",
  "qrscene_",
  "last_trade_no_42",
  "qrscene_渠道",
  `qrscene_${"9".repeat(64)}`,
  `qrscene_${"9".repeat(65)}`,
  "\u0000",
];

function mutateText(text: string, random: Random): string {
  const at = random.int(text.length + 1);
  switch (random.int(7)) {
    case 0: // flip one character
      return text.slice(0, at) + String.fromCharCode(random.int(0x3000)) + text.slice(at + 1);
    case 1: // delete a range
      return text.slice(0, at) + text.slice(at + 1 + random.int(40));
    case 2: // duplicate a range
      return text.slice(0, at) + text.slice(at, at + random.int(200)) + text.slice(at);
    case 3: // insert a hostile snippet
      return text.slice(0, at) + random.pick(snippets) + text.slice(at);
    case 4: // truncate
      return text.slice(0, at);
    case 5: // random bytes read as UTF-8
      return text.slice(0, at) + random.bytes(1 + random.int(64)).toString("utf8") + text.slice(at);
    default: // grow past the body limit now and then
      return random.int(20) === 0
        ? text + "y".repeat(70_000)
        : text.replace(
            /CreateTime>\d+/,
            `CreateTime>${random.pick(["0", "4294967296", "99999999999999999999", "1e9", "-5", ""])}`,
          );
  }
}

interface FuzzCase {
  query: Record<string, string>;
  body: string;
}

function buildCase(random: Random, credentials: AccountCredentials, scene: string, timestamp: string): FuzzCase {
  const fields: Record<string, string | number> = {
    ToUserName: random.int(20) === 0 ? "gh_other" : (credentials.originalId ?? ""),
    FromUserName: `o${random.bytes(12).toString("base64url")}`,
    CreateTime: Number(timestamp) - random.int(1000),
    MsgType: random.int(8) === 0 ? random.pick(["text", "image", "EVENT", ""]) : "event",
    Event: random.pick(eventNames),
    EventKey: random.pick(eventKeys(scene)),
  };
  const target = random.int(4); // 0: plaintext body or inner message, 1: outer body, 2: query, 3: field values only
  const mutations = 1 + random.int(3);
  if (target === 3) {
    // Well-formed and correctly signed, with strange values: these are stored, not refused.
    const value = () => Array.from({ length: mutations }, () => random.pick(snippets).slice(0, 20)).join("");
    fields.EventKey = random.pick([`qrscene_${value()}`, value(), `${fields.EventKey}`]);
    if (random.int(2) === 0) fields.Event = value();
  }
  let message = buildWechatXml(fields);
  if (target === 0) for (let index = 0; index < mutations; index++) message = mutateText(message, random);

  const nonce = String(random.int(1e9));
  const query: Record<string, string> = {
    signature: computeSignature([credentials.token, timestamp, nonce]),
    timestamp,
    nonce,
    openid: String(fields.FromUserName),
  };
  let body = message;
  if (credentials.mode !== "plaintext") {
    const encrypt = encryptMessage({
      message,
      appId: credentials.appId,
      encodingAESKey: credentials.encodingAESKey ?? "",
      random: random.bytes(16),
    });
    query.encrypt_type = "aes";
    query.msg_signature = computeSignature([credentials.token, timestamp, nonce, encrypt]);
    const envelope = `<xml><ToUserName><![CDATA[${credentials.originalId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
    body =
      credentials.mode === "safe"
        ? envelope
        : message.replace(/<\/xml>$/, `<Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
    if (!body.includes("<Encrypt>")) body = envelope;
  }
  if (target === 1) for (let index = 0; index < mutations; index++) body = mutateText(body, random);
  if (target === 2) {
    for (let index = 0; index < mutations; index++) {
      const keys = ["signature", "timestamp", "nonce", "encrypt_type", "msg_signature", "openid"];
      const key = random.pick(keys);
      const action = random.int(4);
      if (action === 0) delete query[key];
      else if (action === 1) query[key] = mutateText(query[key] ?? "", random);
      else if (action === 2) query[key] = random.pick(["", "raw", "aes", "0", "-1", "9".repeat(13), "%zz", "渠道"]);
      else query[key] = (query[key] ?? "").toUpperCase();
    }
  }
  return { query, body };
}

let app: TestApp;
let accounts: { id: string; credentials: AccountCredentials; scene: string }[];
beforeAll(async () => {
  app = await startTestApp();
  accounts = [];
  for (const mode of ["plaintext", "compatible", "safe"] as const) {
    const account = await createAccount(sandboxAccountInput(app.server, { mode }));
    const channel = await createChannel({
      accountId: account.id,
      name: "Fuzzed",
      welcomeMessage: "欢迎 ]]>",
      autoTagName: "fuzz",
    });
    accounts.push({ id: account.id, credentials: await getAccountCredentials(account.id), scene: channel.scene });
  }
});
afterAll(async () => {
  await app.close();
});

async function storedCount(accountId: string): Promise<number> {
  const where = { accountId };
  const [events, followers] = await Promise.all([app.db.event.count({ where }), app.db.follower.count({ where })]);
  return events * 1_000_000 + followers;
}

describe(`fuzzing the webhook (seed ${seed}, ${iterations} pushes)`, () => {
  it("never answers 500, and stores nothing for a refused push", { timeout: 120_000 }, async () => {
    const random = createRandom(seed);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const statuses = new Map<number, number>();
    const stored = new Map(
      await Promise.all(accounts.map(async (account) => [account.id, await storedCount(account.id)] as const)),
    );
    for (let iteration = 0; iteration < iterations; iteration++) {
      const account = random.pick(accounts);
      const fuzzCase = buildCase(random, account.credentials, account.scene, timestamp);
      const [status, text] = await post(webhookUrl(app.server.url, account.id, fuzzCase.query), fuzzCase.body);
      const where = `seed ${seed}, iteration ${iteration}: ${status} ${text.slice(0, 200)}`;
      expect(allowedStatuses.has(status), where).toBe(true);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const after = await storedCount(account.id);
      if (status !== 200) expect(after, `refused but stored — ${where}`).toBe(stored.get(account.id));
      stored.set(account.id, after);
    }
    // The mutations must exercise both sides: refusals of every kind, and accepted pushes.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(iterations / 20);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(iterations / 20);
    expect(statuses.get(401) ?? 0).toBeGreaterThan(iterations / 50);
    expect(statuses.get(413) ?? 0).toBeGreaterThan(0);
    console.info(`fuzz seed ${seed}: ${[...statuses].map(([status, count]) => `${status}×${count}`).join(", ")}`);
  });
});
