// Finding 2 of the security review: an admin-set API base could be any URL, so Qudao POSTed the
// AppSecret wherever it pointed and echoed the remote's words back. Now the base is one of
// WeChat's https hosts or this server's own sandbox (422 otherwise, naming the hosts), redirects
// are not followed, failures are told in Qudao's words with the errcode, and sandbox accounts are
// known by their isEmulated flag, never by a URL's shape.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { startTestApp, sandboxAccountInput, type TestApp } from "@/tests/support/test-app";
import { callRoute } from "@/tests/support/call-route";
import { createApiKey } from "@/lib/auth/api-keys";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { apiClientForAccount } from "@/lib/accounts/access-token-store";
import { getAccountCredentials } from "@/lib/accounts/account-records";
import { findSandboxApp } from "@/lib/sandbox/sandbox-apps";
import { WechatApiClient, type AccessTokenStore } from "@/lib/wechat/api-client";
import { WechatApiError, WechatUnavailableError } from "@/lib/wechat/api-errors";
import { wechatApiHosts } from "@/lib/wechat/api-hosts";
import { POST as postAccount } from "@/app/api/accounts/route";
import { PATCH as patchAccount } from "@/app/api/accounts/[id]/route";
import { POST as postTestCredentials } from "@/app/api/accounts/test-credentials/route";

let app: TestApp;
let adminKey: string;
beforeAll(async () => {
  app = await startTestApp();
  adminKey = (await createApiKey({ name: `outbound-${randomBytes(3).toString("hex")}`, role: "admin" })).key;
});
afterAll(async () => {
  await app.close();
});

/** A local HTTP server standing in for a host an attacker controls; it counts what reaches it. */
async function fakeHost(answer: (path: string) => { status: number; headers?: Record<string, string>; body?: string }) {
  const received: string[] = [];
  const server: Server = createServer((request, reply) => {
    received.push(request.url ?? "");
    const { status, headers, body } = answer(request.url ?? "");
    reply.writeHead(status, headers).end(body ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const memoryStore: AccessTokenStore = {
  read: async () => null,
  write: async () => {},
  invalidate: async () => {},
  acquireFetchLease: async () => true,
  releaseFetchLease: async () => {},
};

function clientFor(apiBaseUrl: string) {
  const appId = `wx${randomBytes(8).toString("hex")}`;
  return new WechatApiClient(
    { id: `outbound:${appId}`, appId, appSecret: "s".repeat(32), apiBaseUrl, accessTokenKind: "stable" },
    memoryStore,
  );
}

async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection");
}

function accountBody(apiBaseUrl: string) {
  const { name, appId, appSecret } = sandboxAccountInput(app.server);
  return { name, appId, appSecret, apiBaseUrl };
}

describe("the API base an admin may set", () => {
  const refused = [
    "http://127.0.0.1:4798",
    "http://api.weixin.qq.com",
    "https://api.weixin.qq.com.evil.example",
    "https://evil.example/sandbox",
    "https://api.weixin.qq.com:8443",
    "https://user:pass@api.weixin.qq.com",
    "https://api.weixin.qq.com/cgi-bin",
    "http://169.254.169.254/latest",
  ];

  it("refuses anything but WeChat's hosts (https) and this server's sandbox, with a 422 naming the hosts", async () => {
    for (const apiBaseUrl of refused) {
      const response = await callRoute(postAccount, "/api/accounts", { key: adminKey, body: accountBody(apiBaseUrl) });
      expect(response.status, apiBaseUrl).toBe(422);
      const { error } = await response.json();
      expect(error.issues[0].path).toEqual(["apiBaseUrl"]);
      for (const host of wechatApiHosts) expect(error.issues[0].message).toContain(`https://${host}`);
      expect(error.issues[0].message).toContain(`${app.server.url}/sandbox`);
    }
  });

  it("accepts each of WeChat's hosts (not emulated) and this server's sandbox (emulated)", async () => {
    for (const host of wechatApiHosts) {
      const response = await callRoute(postAccount, "/api/accounts", {
        key: adminKey,
        body: accountBody(`https://${host}/`),
      });
      expect(response.status, host).toBe(201);
      expect(await response.json()).toMatchObject({ apiBaseUrl: `https://${host}`, isEmulated: false });
    }
    const sandbox = await callRoute(postAccount, "/api/accounts", {
      key: adminKey,
      body: accountBody(`${app.server.url}/sandbox`),
    });
    expect(sandbox.status).toBe(201);
    expect(await sandbox.json()).toMatchObject({ isEmulated: true });
  });

  it("refuses the same on PATCH and on the credential test; a PATCH to WeChat's host clears the flag", async () => {
    const account = await createAccount(sandboxAccountInput(app.server));
    expect(account.isEmulated).toBe(true);
    const patch = (apiBaseUrl: string) =>
      callRoute(patchAccount, `/api/accounts/${account.id}`, {
        key: adminKey,
        method: "PATCH",
        body: { apiBaseUrl },
        params: { id: account.id },
      });
    expect((await patch("http://127.0.0.1:4798")).status).toBe(422);
    const toWechat = await patch("https://sz.api.weixin.qq.com");
    expect(toWechat.status).toBe(200);
    expect(await toWechat.json()).toMatchObject({ apiBaseUrl: "https://sz.api.weixin.qq.com", isEmulated: false });

    const test = await callRoute(postTestCredentials, "/api/accounts/test-credentials", {
      key: adminKey,
      body: { appId: "wx0123456789abcdef", appSecret: "0".repeat(32), apiBaseUrl: "http://127.0.0.1:4798" },
    });
    expect(test.status).toBe(422);
  });
});

describe("what reaches a client of a call that failed", () => {
  it("never the remote's own text: Qudao's words and the errcode", async () => {
    const host = await fakeHost(() => ({
      status: 200,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ errcode: 12345, errmsg: "internal admin panel says hello" }),
    }));
    try {
      const error = await caught(clientFor(host.url).accessToken());
      expect(error).toBeInstanceOf(WechatApiError);
      expect((error as WechatApiError).errcode).toBe(12345);
      expect(error.message).toBe("WeChat refused the call (errcode 12345)");
    } finally {
      await host.close();
    }
  });

  it("never the address of a host that cannot be reached", async () => {
    const host = await fakeHost(() => ({ status: 200 }));
    await host.close();
    const error = await caught(clientFor(host.url).accessToken());
    expect(error).toBeInstanceOf(WechatUnavailableError);
    expect(error.message).not.toContain("127.0.0.1");
    expect(error.message).toBe("Could not reach WeChat's API; try again later");
  });

  it("does not follow a redirect", async () => {
    const target = await fakeHost(() => ({ status: 200, body: "{}" }));
    const redirecting = await fakeHost(() => ({ status: 307, headers: { location: `${target.url}/steal` } }));
    try {
      const error = await caught(clientFor(redirecting.url).accessToken());
      expect(error).toBeInstanceOf(WechatUnavailableError);
      expect(error.message).toContain("redirect");
      expect(redirecting.received).toHaveLength(1);
      expect(target.received).toEqual([]);
    } finally {
      await Promise.all([target.close(), redirecting.close()]);
    }
  });
});

describe("accounts saved before the check", () => {
  it("a stored base that is not WeChat's receives nothing", async () => {
    const host = await fakeHost(() => ({ status: 200, body: "{}" }));
    try {
      const account = await createAccount({
        ...sandboxAccountInput(app.server),
        apiBaseUrl: "https://api.weixin.qq.com",
      });
      await app.db.account.update({ where: { id: account.id }, data: { apiBaseUrl: host.url, isEmulated: false } });
      const error = await caught(apiClientForAccount(account.id));
      expect(error.message).toContain("https://api.weixin.qq.com");
      expect(host.received).toEqual([]);
    } finally {
      await host.close();
    }
  });

  it("a /sandbox path on another host is not a sandbox account: only the flag makes one", async () => {
    const account = await createAccount({
      ...sandboxAccountInput(app.server),
      apiBaseUrl: "https://api.weixin.qq.com",
    });
    await app.db.account.update({
      where: { id: account.id },
      data: { apiBaseUrl: "http://evil.example/sandbox", isEmulated: false },
    });
    expect(await findSandboxApp(account.appId)).toBeNull();

    // Flagged, it talks to this server's own emulator whatever its stored URL names.
    await app.db.account.update({ where: { id: account.id }, data: { isEmulated: true } });
    expect((await findSandboxApp(account.appId))?.id).toBe(account.id);
    expect((await getAccountCredentials(account.id)).apiBaseUrl).toBe(`${app.server.url}/sandbox`);
  });
});
