// Managing connected accounts: disabling (pushes answered "success", nothing stored, verification
// still answered), deleting with every row recorded for the account (and nothing of another's),
// rotating the Token / EncodingAESKey (old and new accepted until the rotation ends), and the
// time zone that may change only while no event is bucketed by it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { callRoute } from "@/tests/support/call-route";
import { eventXml, post, randomOpenidForTest, sealForAccount, webhookUrl } from "@/tests/support/webhook-client";
import { createApiKey } from "@/lib/auth/api-keys";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { getAccountCredentials } from "@/lib/accounts/account-records";
import { createChannel } from "@/lib/channels/create-channel";
import { simulateScan, simulateUnfollow } from "@/lib/sandbox/simulate";
import { getDb } from "@/lib/db/client";
import { computeSignature } from "@/lib/wechat/signature";
import { DELETE as deleteAccount, GET as getAccount, PATCH as patchAccount } from "@/app/api/accounts/[id]/route";
import { POST as postRotate } from "@/app/api/accounts/[id]/rotate/route";
import { POST as postRotateEnd } from "@/app/api/accounts/[id]/rotate/end/route";

let app: TestApp;
let adminKey: string;
let editorKey: string;
beforeAll(async () => {
  app = await startTestApp();
  adminKey = (await createApiKey({ name: "admin", role: "admin" })).key;
  editorKey = (await createApiKey({ name: "editor", role: "editor" })).key;
});
afterAll(async () => {
  await app.close();
});

const eventCount = (accountId: string) => getDb().event.count({ where: { accountId } });

async function patch(id: string, body: unknown, key = adminKey) {
  return callRoute(patchAccount, `/api/accounts/${id}`, { key, method: "PATCH", body, params: { id } });
}

/** A push signed (and encrypted) with the given Token / EncodingAESKey; returns the HTTP status and body. */
async function pushWith(accountId: string, secrets?: { token: string; encodingAESKey: string | null }) {
  const credentials = await getAccountCredentials(accountId);
  const xml = eventXml(credentials, { FromUserName: randomOpenidForTest(), Event: "subscribe", EventKey: "" });
  const sealed = await sealForAccount(app.server.url, accountId, xml, { sealWith: secrets });
  return post(sealed.url, sealed.body);
}

/** WeChat's URL verification signed with `token`: the answer's status and body. */
async function verifyWith(accountId: string, token: string): Promise<[number, string]> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = "4242";
  const query = { signature: computeSignature([token, timestamp, nonce]), timestamp, nonce, echostr: "echo123" };
  const response = await fetch(webhookUrl(app.server.url, accountId, query));
  return [response.status, await response.text()];
}

describe("disabling an account", () => {
  it("answers pushes with success and stores nothing, still answers verification, and resumes when enabled", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const { token } = await getAccountCredentials(account.id);
    expect((await pushWith(account.id))[0]).toBe(200);
    expect(await eventCount(account.id)).toBe(1);

    const disabled = await patch(account.id, { isDisabled: true });
    expect(disabled.status).toBe(200);
    const body = await disabled.json();
    expect(body.health.status).toBe("disabled");
    expect(body.health.disabledAt).not.toBeNull();

    expect(await pushWith(account.id)).toEqual([200, "success"]);
    const scan = await simulateScan({ accountId: account.id, scene: "7" });
    expect(scan).toMatchObject({ attempts: 1, replyStatus: 200, reply: "success", error: null });
    expect(await eventCount(account.id)).toBe(1);
    expect(await verifyWith(account.id, token)).toEqual([200, "echo123"]);

    const enabled = await (await patch(account.id, { isDisabled: false })).json();
    expect(enabled.health.disabledAt).toBeNull();
    expect((await pushWith(account.id))[0]).toBe(200);
    expect(await eventCount(account.id)).toBe(2);
  });

  it("is an admin's change: an editor gets 403, an unknown field 422", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    expect((await patch(account.id, { isDisabled: true }, editorKey)).status).toBe(403);
    const unknown = await patch(account.id, { isDisabled: "yes" });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.issues[0].path).toEqual(["isDisabled"]);
  });
});

describe("deleting an account", () => {
  async function accountWithData() {
    const account = await createAccount(sandboxAccountInput(app.server));
    const channel = await createChannel({ accountId: account.id, name: "Poster" });
    const openid = `o${randomBytes(12).toString("hex")}`;
    await simulateScan({ channelId: channel.id, openid });
    await simulateScan({ channelId: channel.id, openid });
    await simulateUnfollow({ accountId: account.id, openid });
    await getDb().wechatTag.create({ data: { accountId: account.id, name: "poster", tagId: 101 } });
    return { account, channel };
  }

  async function rowsOf(accountId: string) {
    const db = getDb();
    const where = { accountId };
    return {
      account: await db.account.count({ where: { id: accountId } }),
      channels: await db.channel.count({ where }),
      events: await db.event.count({ where }),
      followers: await db.follower.count({ where }),
      followPeriods: await db.followPeriod.count({ where }),
      rollupHours: await db.rollupHour.count({ where }),
      rollupDays: await db.rollupDay.count({ where }),
      scannerDays: await db.scannerDay.count({ where }),
      scannerDayTotals: await db.scannerDayTotal.count({ where }),
      scannerReturns: await db.scannerReturn.count({ where }),
      wechatTags: await db.wechatTag.count({ where }),
      accessTokens: await db.wechatAccessToken.count({ where }),
    };
  }

  it("refuses a name that does not match (422 on confirmName) and deletes nothing", async () => {
    const { account } = await accountWithData();
    const response = await callRoute(deleteAccount, `/api/accounts/${account.id}`, {
      key: adminKey,
      method: "DELETE",
      body: { confirmName: "something else" },
      params: { id: account.id },
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error.issues[0].path).toEqual(["confirmName"]);
    expect((await rowsOf(account.id)).events).toBe(3);
  });

  it("deletes the account's channels, events, followers and tallies, and leaves another account's rows", async () => {
    const { account } = await accountWithData();
    const other = await accountWithData();
    const before = await rowsOf(account.id);
    expect(before).toMatchObject({ account: 1, channels: 1, events: 3, followers: 1, followPeriods: 1, wechatTags: 1 });
    for (const [table, count] of Object.entries(before))
      if (table !== "scannerReturns") expect(count, table).toBeGreaterThan(0);
    const otherBefore = await rowsOf(other.account.id);

    expect(
      (
        await callRoute(deleteAccount, `/api/accounts/${account.id}`, {
          key: editorKey,
          method: "DELETE",
          body: { confirmName: account.name },
          params: { id: account.id },
        })
      ).status,
    ).toBe(403);
    const response = await callRoute(deleteAccount, `/api/accounts/${account.id}`, {
      key: adminKey,
      method: "DELETE",
      body: { confirmName: account.name },
      params: { id: account.id },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deletedEvents: 3 });

    const after = await rowsOf(account.id);
    for (const [table, count] of Object.entries(after)) expect(count, table).toBe(0);
    expect(await rowsOf(other.account.id)).toEqual(otherBefore);
    const gone = await callRoute(getAccount, `/api/accounts/${account.id}`, {
      key: adminKey,
      params: { id: account.id },
    });
    expect(gone.status).toBe(404);
  });
});

describe("rotating the Token and EncodingAESKey", () => {
  it("accepts the old and the new pair during the rotation, and only the new one after it ends", async () => {
    const account = await createAccount(sandboxAccountInput(app.server, { mode: "safe" }));
    const old = await getAccountCredentials(account.id);
    const oldPair = { token: old.token, encodingAESKey: old.encodingAESKey };

    const rotated = await callRoute(postRotate, `/api/accounts/${account.id}/rotate`, {
      key: adminKey,
      method: "POST",
      params: { id: account.id },
    });
    expect(rotated.status).toBe(200);
    const body = await rotated.json();
    expect(body.generatedSecrets.token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(body.generatedSecrets.encodingAESKey).toMatch(/^[A-Za-z0-9]{43}$/);
    expect(body.health.rotationStartedAt).not.toBeNull();
    expect(JSON.stringify(body)).not.toContain(old.token);
    const newPair = { token: body.generatedSecrets.token, encodingAESKey: body.generatedSecrets.encodingAESKey };

    expect((await pushWith(account.id, oldPair))[0]).toBe(200);
    expect((await pushWith(account.id, newPair))[0]).toBe(200);
    expect(await eventCount(account.id)).toBe(2);
    expect(await verifyWith(account.id, old.token)).toEqual([200, "echo123"]);
    expect(await verifyWith(account.id, newPair.token)).toEqual([200, "echo123"]);
    // The emulator now signs with the new pair, as WeChat does once the new values are saved.
    expect((await simulateScan({ accountId: account.id, scene: "9" })).replyStatus).toBe(200);

    const again = await callRoute(postRotate, `/api/accounts/${account.id}/rotate`, {
      key: adminKey,
      method: "POST",
      params: { id: account.id },
    });
    expect(again.status).toBe(409);

    const ended = await callRoute(postRotateEnd, `/api/accounts/${account.id}/rotate/end`, {
      key: adminKey,
      method: "POST",
      params: { id: account.id },
    });
    expect((await ended.json()).health.rotationStartedAt).toBeNull();
    expect((await pushWith(account.id, oldPair))[0]).toBe(401);
    expect((await verifyWith(account.id, old.token))[0]).toBe(401);
    expect((await pushWith(account.id, newPair))[0]).toBe(200);
    expect(await eventCount(account.id)).toBe(4);
  });

  it("takes the admin's own new Token, validated (422 naming the field)", async () => {
    const account = await createAccount(sandboxAccountInput(app.server, { mode: "plaintext" }));
    const call = (body: unknown) =>
      callRoute(postRotate, `/api/accounts/${account.id}/rotate`, { key: adminKey, body, params: { id: account.id } });
    const invalid = await call({ token: "no!" });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.issues[0].path).toEqual(["token"]);

    const chosen = await (await call({ token: "ChosenToken42" })).json();
    expect(chosen.generatedSecrets).toEqual({ encodingAESKey: expect.stringMatching(/^[A-Za-z0-9]{43}$/) });
    expect((await getAccountCredentials(account.id)).token).toBe("ChosenToken42");
  });
});

describe("the time zone", () => {
  it("may change while the account has no events, and not after", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const changed = await patch(account.id, { timezone: "Europe/Paris" });
    expect((await changed.json()).timezone).toBe("Europe/Paris");
    await pushWith(account.id);
    expect((await patch(account.id, { timezone: "Asia/Tokyo" })).status).toBe(409);
    expect((await patch(account.id, { timezone: "Mars/Base" })).status).toBe(422);
  });
});

describe("the audit log", () => {
  it("records each change to an account with who and what changed, never a secret's value", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const newSecret = "f".repeat(32);
    await patch(account.id, { name: "Renamed shop", appSecret: newSecret });
    await patch(account.id, { isDisabled: true });
    const rotated = await callRoute(postRotate, `/api/accounts/${account.id}/rotate`, {
      key: adminKey,
      method: "POST",
      params: { id: account.id },
    });
    const { generatedSecrets } = await rotated.json();
    await callRoute(postRotateEnd, `/api/accounts/${account.id}/rotate/end`, {
      key: adminKey,
      method: "POST",
      params: { id: account.id },
    });
    await callRoute(deleteAccount, `/api/accounts/${account.id}`, {
      key: adminKey,
      method: "DELETE",
      body: { confirmName: "Renamed shop" },
      params: { id: account.id },
    });

    const rows = await getDb().auditLog.findMany({ where: { accountId: account.id }, orderBy: { id: "asc" } });
    expect(rows.map((row) => row.action)).toEqual([
      "account.create",
      "account.update",
      "account.disable",
      "account.rotation_start",
      "account.rotation_end",
      "account.delete",
    ]);
    expect(JSON.parse(rows[1]!.detail!)).toEqual({
      name: [account.name, "Renamed shop"],
      appSecret: ["(secret)", "(changed)"],
    });
    expect(rows.slice(1).map((row) => [row.actorKind, row.actor])).toEqual(Array(5).fill(["apiKey", "admin"]));
    const everything = JSON.stringify(rows);
    for (const secret of [newSecret, generatedSecrets.token, generatedSecrets.encodingAESKey])
      expect(everything).not.toContain(secret);
  });
});
