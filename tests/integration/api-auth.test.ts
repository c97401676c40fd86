// Every /api route but the webhook, health and the sandbox's WeChat paths needs a session or a key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { createApiKey } from "@/lib/auth/api-keys";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { GET as listChannels, POST as postChannel } from "@/app/api/channels/route";
import { GET as getAccounts } from "@/app/api/accounts/route";
import { GET as health } from "@/app/api/health/route";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const noParams = { params: Promise.resolve({}) };

function request(path: string, init: RequestInit & { key?: string } = {}): Request {
  const headers = new Headers(init.headers);
  if (init.key) headers.set("authorization", `Bearer ${init.key}`);
  return new Request(`http://localhost${path}`, { ...init, headers });
}

describe("API authentication", () => {
  it("answers 401 with the error body when neither a session nor a key is sent", async () => {
    const response = await getAccounts(request("/api/accounts"), noParams);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Sign in or send an API key" } });
  });

  it("accepts an API key and never returns secrets", async () => {
    const { key } = await createApiKey({ name: "integration" });
    const input = sandboxAccountInput(app.server);
    const account = await createAccount(input);
    const response = await getAccounts(request("/api/accounts", { key }), noParams);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(input.appSecret);
    expect(text).not.toContain(input.token);
    expect(text).not.toContain(input.encodingAESKey);
    const listed = JSON.parse(text).items.find((item: { id: string }) => item.id === account.id);
    expect(listed).toMatchObject({ appSecret: "********", token: "********", encodingAESKey: "********" });
  });

  it("refuses a revoked or unknown key, and a viewer key on an editor route", async () => {
    expect((await getAccounts(request("/api/accounts", { key: "qdk_nope" }), noParams)).status).toBe(401);
    const { key } = await createApiKey({ name: "read-only", role: "viewer" });
    const account = await createAccount(sandboxAccountInput(app.server));
    expect((await listChannels(request(`/api/channels?accountId=${account.id}`, { key }), noParams)).status).toBe(200);
    const created = await postChannel(
      request("/api/channels", { key, method: "POST", body: JSON.stringify({ accountId: account.id, name: "x" }) }),
      noParams,
    );
    expect(created.status).toBe(403);
  });

  it("answers 422 with the issues for an invalid body", async () => {
    const { key } = await createApiKey({ name: "editor", role: "editor" });
    const response = await postChannel(
      request("/api/channels", {
        key,
        method: "POST",
        body: JSON.stringify({ accountId: "a", name: "", qr: { kind: "permanent", scene: 100001 } }),
      }),
      noParams,
    );
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.issues.map((issue: { path: unknown[] }) => issue.path.join("."))).toEqual(
      expect.arrayContaining(["name", "qr.scene"]),
    );
  });

  it("serves health without authentication and names the database", async () => {
    const response = await health(request("/api/health"), noParams);
    expect(await response.json()).toEqual({ status: "ok", database: process.env.QUDAO_TEST_DATABASE });
  });
});
