// Connecting an account as the wizard does, against the sandbox over HTTP: the credential test
// names each of WeChat's refusals (real ones and injected faults), create generates the Token and
// EncodingAESKey and returns them once, secrets never come back, and the account's status follows
// what WeChat (the emulator) does: waiting → verified → first push → a refusal shows as an error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "node:net";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { callRoute } from "@/tests/support/call-route";
import { eventXml, post, randomOpenidForTest, sealForAccount } from "@/tests/support/webhook-client";
import { createApiKey } from "@/lib/auth/api-keys";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { getAccountCredentials } from "@/lib/accounts/account-records";
import { apiClientForAccount } from "@/lib/accounts/access-token-store";
import { callerIpIn } from "@/lib/accounts/test-credentials";
import { simulateScan } from "@/lib/sandbox/simulate";
import { callerIpOf } from "@/lib/sandbox/wechat-errors";
import { POST as postTestCredentials } from "@/app/api/accounts/test-credentials/route";
import { POST as postSandboxApp } from "@/app/api/accounts/sandbox-app/route";
import { GET as listAccounts, POST as postAccount } from "@/app/api/accounts/route";
import { GET as getAccount, PATCH as patchAccount } from "@/app/api/accounts/[id]/route";
import { POST as postVerification } from "@/app/api/accounts/[id]/sandbox-verification/route";
import { POST as postFault } from "@/app/api/sandbox/faults/route";

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

async function emulatedApp(): Promise<{ appId: string; appSecret: string; apiBaseUrl: string }> {
  const response = await callRoute(postSandboxApp, "/api/accounts/sandbox-app", { key: adminKey, method: "POST" });
  expect(response.status).toBe(201);
  return response.json();
}

async function testCredentials(body: unknown) {
  const response = await callRoute(postTestCredentials, "/api/accounts/test-credentials", { key: adminKey, body });
  return { status: response.status, body: await response.json() };
}

async function injectFault(appId: string, api: string, errcode: number) {
  const response = await callRoute(postFault, "/api/sandbox/faults", { key: editorKey, body: { appId, api, errcode } });
  expect(response.status).toBe(201);
}

async function accountHealth(id: string) {
  const response = await callRoute(getAccount, `/api/accounts/${id}`, { key: adminKey, params: { id } });
  return (await response.json()).health;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("POST /api/accounts/test-credentials", () => {
  it("accepts an emulated app's AppID and AppSecret", async () => {
    const { appId, appSecret, apiBaseUrl } = await emulatedApp();
    expect(appId).toMatch(/^wxsandbox[0-9a-f]{9}$/);
    expect(await testCredentials({ appId, appSecret, apiBaseUrl })).toEqual({ status: 200, body: { isValid: true } });
  });

  it("names a wrong secret (40125) and an unknown AppID (40013) as WeChat answers them", async () => {
    const { appId, apiBaseUrl } = await emulatedApp();
    const wrongSecret = await testCredentials({ appId, appSecret: "0".repeat(32), apiBaseUrl });
    expect(wrongSecret.body).toMatchObject({ isValid: false, problem: "bad_app_secret", errcode: 40125 });

    const unknown = await testCredentials({ appId: "wx0123456789abcdef", appSecret: "0".repeat(32), apiBaseUrl });
    expect(unknown.body).toMatchObject({ isValid: false, problem: "bad_app_id", errcode: 40013 });
  });

  it("names each injected refusal: 40125, 40164 with the caller's IP, 48001 on the test code, 40013", async () => {
    const { appId, appSecret, apiBaseUrl } = await emulatedApp();
    const input = { appId, appSecret, apiBaseUrl };

    await injectFault(appId, "stable_token", 40125);
    expect((await testCredentials(input)).body).toMatchObject({ problem: "bad_app_secret", errcode: 40125 });

    await injectFault(appId, "stable_token", 40164);
    expect((await testCredentials(input)).body).toEqual({
      isValid: false,
      problem: "ip_not_whitelisted",
      errcode: 40164,
      detail: "This server's IP address is not on the account's IP whitelist",
      callerIp: "127.0.0.1",
    });

    await injectFault(appId, "qrcode/create", 48001);
    expect((await testCredentials(input)).body).toMatchObject({
      problem: "not_verified_service_account",
      errcode: 48001,
    });

    await injectFault(appId, "token", 40013);
    expect((await testCredentials({ ...input, accessTokenKind: "classic" })).body).toMatchObject({
      problem: "bad_app_id",
      errcode: 40013,
    });

    // The faults are used up: the same credentials pass again.
    expect((await testCredentials(input)).body).toEqual({ isValid: true });
  });

  it("reads WeChat's own 40164 wording, IPv4 and IPv6", () => {
    expect(callerIpIn("invalid ip 47.96.1.2 ipv6 ::ffff:47.96.1.2, not in whitelist rid: 6571")).toBe("47.96.1.2");
    expect(callerIpIn("invalid ip 2408:8207::1, not in whitelist")).toBe("2408:8207::1");
    expect(callerIpIn("invalid appsecret")).toBeNull();
  });

  it("refuses an API base that is not WeChat's (422), and says when the AppID is already connected", async () => {
    // Unreachable WeChat is tested with the client itself: tests/integration/outbound-calls.test.ts.
    const elsewhere = await testCredentials({
      appId: "wx0123456789abcdef",
      appSecret: "0".repeat(32),
      apiBaseUrl: `http://127.0.0.1:${await closedPort()}`,
    });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error.issues[0].path).toEqual(["apiBaseUrl"]);

    const input = sandboxAccountInput(app.server);
    await createAccount(input);
    const taken = await testCredentials({
      appId: input.appId,
      appSecret: input.appSecret,
      apiBaseUrl: input.apiBaseUrl,
    });
    expect(taken.body).toMatchObject({ isValid: false, problem: "already_connected" });
  });

  it("answers 422 naming the field for an invalid AppID, and 403 below admin", async () => {
    const invalid = await testCredentials({ appId: "nope", appSecret: "0".repeat(32) });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.issues.map((issue: { path: string[] }) => issue.path.join("."))).toEqual(["appId"]);

    const asEditor = await callRoute(postTestCredentials, "/api/accounts/test-credentials", {
      key: editorKey,
      body: { appId: "wx0123456789abcdef", appSecret: "0".repeat(32) },
    });
    expect(asEditor.status).toBe(403);
  });
});

describe("connecting: generated secrets, status as WeChat reaches the account", () => {
  it("generates a 32-letter Token and 43-letter EncodingAESKey, returns them once, then masks them", async () => {
    const { appId, appSecret, apiBaseUrl } = await emulatedApp();
    const created = await callRoute(postAccount, "/api/accounts", {
      key: adminKey,
      body: { name: "Shop", appId, appSecret, apiBaseUrl, mode: "safe", timezone: "Europe/Berlin" },
    });
    expect(created.status).toBe(201);
    const account = await created.json();
    expect(account.generatedSecrets.token).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(account.generatedSecrets.encodingAESKey).toMatch(/^[A-Za-z0-9]{43}$/);
    expect(account).toMatchObject({ appSecret: "********", token: "********", encodingAESKey: "********" });
    expect(account.health).toMatchObject({ status: "waiting", lastVerifiedAt: null, lastPushAt: null });
    expect(account.webhookUrl).toBe(`${app.server.url}/api/wechat/${account.id}`);
    const stored = await getAccountCredentials(account.id);
    expect(stored).toMatchObject({ token: account.generatedSecrets.token, timezone: "Europe/Berlin" });

    const secrets = [appSecret, account.generatedSecrets.token, account.generatedSecrets.encodingAESKey];
    const readBack = [
      await callRoute(getAccount, `/api/accounts/${account.id}`, { key: adminKey, params: { id: account.id } }),
      await callRoute(listAccounts, "/api/accounts", { key: adminKey }),
      await callRoute(patchAccount, `/api/accounts/${account.id}`, {
        key: adminKey,
        method: "PATCH",
        body: { name: "Shop 2", appSecret },
        params: { id: account.id },
      }),
    ];
    for (const response of readBack) {
      expect(response.status).toBe(200);
      const text = await response.text();
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toContain("generatedSecrets");
    }
  });

  it("keeps a Token and key the admin chose, and returns nothing generated", async () => {
    const { appId, appSecret, apiBaseUrl } = await emulatedApp();
    const token = "MyOwnToken123";
    const created = await callRoute(postAccount, "/api/accounts", {
      key: adminKey,
      body: { name: "Own", appId, appSecret, apiBaseUrl, token, encodingAESKey: "k".repeat(43), mode: "compatible" },
    });
    const account = await created.json();
    expect(account.generatedSecrets).toEqual({});
    expect(JSON.stringify(account)).not.toContain(token);
    expect((await getAccountCredentials(account.id)).token).toBe(token);
  });

  it("is waiting, then connected once the emulator verifies the URL, then records the first push", async () => {
    const { appId, appSecret, apiBaseUrl } = await emulatedApp();
    const account = await (
      await callRoute(postAccount, "/api/accounts", {
        key: adminKey,
        body: { name: "Live", appId, appSecret, apiBaseUrl, mode: "safe" },
      })
    ).json();
    expect((await accountHealth(account.id)).status).toBe("waiting");

    const before = Date.now();
    const verified = await callRoute(postVerification, `/api/accounts/${account.id}/sandbox-verification`, {
      key: adminKey,
      method: "POST",
      params: { id: account.id },
    });
    expect(await verified.json()).toEqual({ isVerified: true, status: 200, detail: null });
    const afterVerification = await accountHealth(account.id);
    expect(afterVerification.status).toBe("connected");
    expect(Date.parse(afterVerification.lastVerifiedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(afterVerification.lastPushAt).toBeNull();

    const scan = await simulateScan({ accountId: account.id, scene: "first" });
    expect(scan.replyStatus).toBe(200);
    const afterPush = await accountHealth(account.id);
    expect(Date.parse(afterPush.lastPushAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(afterPush.lastError).toBeNull();
  });

  it("records a refused push (bad signature) as the last error and shows the account in error", async () => {
    const input = sandboxAccountInput(app.server, { mode: "plaintext" });
    const account = await createAccount(input);
    await simulateScan({ accountId: account.id, scene: "ok" });
    expect((await accountHealth(account.id)).status).toBe("connected");

    const forged = await sealForAccount(
      app.server.url,
      account.id,
      eventXml(await getAccountCredentials(account.id), { FromUserName: randomOpenidForTest(), Event: "subscribe" }),
      { sealWith: { token: "SomeoneElsesToken" } },
    );
    expect((await post(forged.url, forged.body))[0]).toBe(401);
    const health = await accountHealth(account.id);
    expect(health.status).toBe("error");
    expect(health.lastError).toEqual({ source: "webhook", message: expect.stringMatching(/^Push refused: /) });
    expect(health.lastErrorAt).not.toBeNull();

    // The next good push is recorded at once, whatever the push throttle, and clears the error.
    await simulateScan({ accountId: account.id, scene: "ok" });
    expect((await accountHealth(account.id)).status).toBe("connected");
  });

  it("records a failed access-token fetch as the token's last error, and a fetched token as healthy", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    const client = await apiClientForAccount(account.id);
    await client.accessToken();
    expect(await accountHealth(account.id)).toMatchObject({ hasValidAccessToken: true, lastError: null });

    const broken = await createAccount(sandboxAccountInput(app.server));
    await injectFaultForAccount(broken.id, 40164);
    await expect((await apiClientForAccount(broken.id)).accessToken()).rejects.toThrow(/whitelist/);
    const health = await accountHealth(broken.id);
    expect(health).toMatchObject({ hasValidAccessToken: false, accessTokenExpiresAt: null });
    expect(health.lastError).toEqual({ source: "token", message: expect.stringContaining("(40164)") });
  });
});

async function injectFaultForAccount(accountId: string, errcode: number) {
  const response = await callRoute(postFault, "/api/sandbox/faults", {
    key: editorKey,
    body: { accountId, api: "stable_token", errcode },
  });
  expect(response.status).toBe(201);
}

describe("the emulator's view of the caller", () => {
  it("names an IPv4 caller as WeChat does, not as Node's IPv4-mapped IPv6", () => {
    const from = (forwarded: string) =>
      callerIpOf(new Request("http://localhost/", { headers: { "x-forwarded-for": forwarded } }));
    expect(from("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(from("203.0.113.7, 10.0.0.1")).toBe("203.0.113.7");
    expect(from("2408:8207::1")).toBe("2408:8207::1");
    expect(callerIpOf(new Request("http://localhost/"))).toBe("127.0.0.1");
  });
});
