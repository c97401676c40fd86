// The sandbox console's API and the emulator's push behaviour: faults injected, listed and
// cleared (editor role, validated); pushes retried like WeChat's (5 s, 3 tries), dropped on
// request, and listed with the replies they got.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { createApiKey } from "@/lib/auth/api-keys";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { createChannel } from "@/lib/channels/create-channel";
import { resetEnvForTests } from "@/lib/env";
import { simulateScan } from "@/lib/sandbox/simulate";
import { DELETE as deleteFaults, GET as getFaults, POST as postFault } from "@/app/api/sandbox/faults/route";
import { GET as getPushes } from "@/app/api/sandbox/pushes/route";
import { GET as getJobs } from "@/app/api/sandbox/jobs/route";

let app: TestApp;
let editorKey: string;
let viewerKey: string;
beforeAll(async () => {
  app = await startTestApp();
  editorKey = (await createApiKey({ name: "editor", role: "editor" })).key;
  viewerKey = (await createApiKey({ name: "viewer", role: "viewer" })).key;
});
afterEach(() => {
  process.env.QUDAO_PUBLIC_URL = app.server.url;
  resetEnvForTests();
});
afterAll(async () => {
  await app.close();
});

const noParams = { params: Promise.resolve({}) };
function request(path: string, key: string, init: RequestInit = {}): Request {
  return new Request(`http://localhost${path}`, {
    ...init,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
  });
}

describe("POST, GET and DELETE /api/sandbox/faults", () => {
  it("injects a fault that fails exactly the next N calls, lists it and clears it", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const body = JSON.stringify({ accountId: account.id, api: "qrcode/create", errcode: 45009, count: 2 });
    const created = await postFault(request("/api/sandbox/faults", editorKey, { method: "POST", body }), noParams);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      api: "qrcode/create",
      errcode: 45009,
      remaining: 2,
      latencyMs: 0,
      dropPush: false,
    });

    await expect(createChannel({ accountId: account.id, name: "1" })).rejects.toThrow(/daily API quota/);
    const listed = await (
      await getFaults(request(`/api/sandbox/faults?accountId=${account.id}`, viewerKey), noParams)
    ).json();
    expect(listed.items).toMatchObject([{ api: "qrcode/create", remaining: 1 }]);
    await expect(createChannel({ accountId: account.id, name: "2" })).rejects.toThrow(/daily API quota/);
    expect((await createChannel({ accountId: account.id, name: "3" })).qr.ticket).toBeTruthy();
    expect(
      (await (await getFaults(request(`/api/sandbox/faults?accountId=${account.id}`, viewerKey), noParams)).json())
        .items,
    ).toEqual([]);

    await postFault(request("/api/sandbox/faults", editorKey, { method: "POST", body }), noParams);
    const cleared = await deleteFaults(
      request(`/api/sandbox/faults?accountId=${account.id}`, editorKey, { method: "DELETE" }),
      noParams,
    );
    expect(await cleared.json()).toEqual({ cleared: 1 });
    expect((await createChannel({ accountId: account.id, name: "4" })).qr.ticket).toBeTruthy();
  });

  it("adds latency to a call", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    await postFault(
      request("/api/sandbox/faults", editorKey, {
        method: "POST",
        body: JSON.stringify({ accountId: account.id, api: "*", latencyMs: 400 }),
      }),
      noParams,
    );
    const started = Date.now();
    await createChannel({ accountId: account.id, name: "Slow" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it("needs the editor role to change faults, validates the body, and refuses real accounts", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const post = (key: string, body: unknown) =>
      postFault(request("/api/sandbox/faults", key, { method: "POST", body: JSON.stringify(body) }), noParams);
    expect((await post(viewerKey, { accountId: account.id, api: "token", errcode: -1 })).status).toBe(403);
    expect(
      (
        await deleteFaults(
          request(`/api/sandbox/faults?accountId=${account.id}`, viewerKey, { method: "DELETE" }),
          noParams,
        )
      ).status,
    ).toBe(403);
    for (const invalid of [
      { accountId: account.id, api: "token" },
      { accountId: account.id, api: "push", errcode: 45009 },
      { accountId: account.id, api: "token", dropPush: true },
      { accountId: account.id, api: "users/get", errcode: 1 },
      { accountId: account.id, api: "token", errcode: 0 },
      { accountId: account.id, api: "token", latencyMs: 60_000 },
      { accountId: account.id, api: "token", errcode: 1, count: 0 },
    ]) {
      const response = await post(editorKey, invalid);
      expect([response.status, (await response.json()).error.code]).toEqual([422, "validation_failed"]);
    }
    const real = await createAccount({ ...sandboxAccountInput(app.server), apiBaseUrl: "https://api.weixin.qq.com" });
    expect((await post(editorKey, { accountId: real.id, api: "token", errcode: -1 })).status).toBe(409);
    expect((await post(editorKey, { accountId: "no-such-account", api: "token", errcode: -1 })).status).toBe(404);
  });
});

describe("pushes", () => {
  it("are listed newest first with the (decrypted) replies, and a dropped push never reaches the webhook", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const channel = await createChannel({ accountId: account.id, name: "Poster", welcomeMessage: "欢迎" });
    const first = await simulateScan({ channelId: channel.id });
    await postFault(
      request("/api/sandbox/faults", editorKey, {
        method: "POST",
        body: JSON.stringify({ accountId: account.id, api: "push", dropPush: true }),
      }),
      noParams,
    );
    const dropped = await simulateScan({ channelId: channel.id });
    expect(dropped).toMatchObject({ attempts: 0, replyStatus: null, error: expect.stringContaining("dropped") });
    expect(await app.db.event.count({ where: { accountId: account.id } })).toBe(1);

    const response = await getPushes(request(`/api/sandbox/pushes?accountId=${account.id}`, viewerKey), noParams);
    const { items } = await response.json();
    expect(items.map((item: { openid: string }) => item.openid)).toEqual([dropped.openid, first.openid]);
    expect(items[1]).toMatchObject({
      event: "subscribe",
      eventKey: `qrscene_${channel.scene}`,
      attempts: 1,
      replyStatus: 200,
      reply: expect.stringContaining("欢迎"),
      error: null,
    });
    expect(items[1].targetUrl).toBe(`${app.server.url}/api/wechat/${account.id}`);
    expect((await getJobs(request(`/api/sandbox/jobs?accountId=${account.id}`, viewerKey), noParams)).status).toBe(200);
  });

  it(
    "are retried like WeChat's: no answer within 5 s, then a 503, then stored once on the third try",
    { timeout: 20_000 },
    async () => {
      const account = await createAccount(sandboxAccountInput(app.server));
      const channel = await createChannel({ accountId: account.id, name: "Flaky" });
      let tries = 0;
      const flaky: Server = createServer(async (incoming, outgoing) => {
        tries++;
        const chunks: Buffer[] = [];
        for await (const chunk of incoming) chunks.push(chunk as Buffer);
        if (tries === 1) return; // never answers: the emulator gives up after 5 s
        if (tries === 2) return void outgoing.writeHead(503).end();
        const forwarded = await fetch(`${app.server.url}${incoming.url}`, {
          method: "POST",
          body: Buffer.concat(chunks),
        });
        outgoing
          .writeHead(forwarded.status, { "content-type": forwarded.headers.get("content-type") ?? "text/plain" })
          .end(await forwarded.text());
      });
      await new Promise<void>((resolve) => flaky.listen(0, "127.0.0.1", resolve));
      process.env.QUDAO_PUBLIC_URL = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}`;
      resetEnvForTests();
      try {
        const started = Date.now();
        const result = await simulateScan({ channelId: channel.id });
        expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
        expect(result).toMatchObject({ attempts: 3, replyStatus: 200, reply: "success", error: null });
        expect(await app.db.event.count({ where: { accountId: account.id } })).toBe(1);
      } finally {
        flaky.closeAllConnections();
        await new Promise((resolve) => flaky.close(resolve));
      }
    },
  );

  it("give up after 3 tries at a failing webhook, and stop at a refusal", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    let tries = 0;
    let status = 500;
    const failing: Server = createServer((incoming, outgoing) => {
      tries++;
      incoming.resume();
      outgoing.writeHead(status).end("nope");
    });
    await new Promise<void>((resolve) => failing.listen(0, "127.0.0.1", resolve));
    process.env.QUDAO_PUBLIC_URL = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
    resetEnvForTests();
    try {
      expect(await simulateScan({ accountId: account.id, scene: 1 })).toMatchObject({
        attempts: 3,
        replyStatus: 500,
        error: "HTTP 500",
      });
      expect(tries).toBe(3);
      status = 401;
      expect(await simulateScan({ accountId: account.id, scene: 1 })).toMatchObject({
        attempts: 1,
        replyStatus: 401,
        error: null,
      });
      expect(tries).toBe(4);
    } finally {
      await new Promise((resolve) => failing.close(resolve));
    }
  });
});
