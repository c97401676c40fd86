// The token holder and request rules of the API client, with a scripted WeChat and an
// in-memory store: single flight, refresh ahead, invalidate only the failed token, retry once,
// -1 backed off, quotas surfaced, and the store's lease respected.
import { describe, expect, it } from "vitest";
import { WechatApiClient, type AccessTokenStore, type CachedAccessToken } from "@/lib/wechat/api-client";
import { WechatApiError } from "@/lib/wechat/api-errors";
import { z } from "zod";

const account = {
  id: "acc",
  appId: "wx1234567890abcdef",
  appSecret: "secret",
  apiBaseUrl: "https://wechat.test",
  accessTokenKind: "stable" as const,
};
const okSchema = z.object({ ok: z.boolean() });

function memoryStore(initial: CachedAccessToken | null = null) {
  let token = initial;
  let leaseOwner: string | null = null;
  const invalidations: string[] = [];
  const store: AccessTokenStore = {
    read: async () => token,
    write: async (_id, next) => void (token = next),
    invalidate: async (_id, failed) => {
      invalidations.push(failed);
      if (token?.token === failed) token = null;
    },
    acquireFetchLease: async (_id, owner) => {
      if (leaseOwner && leaseOwner !== owner) return false;
      leaseOwner = owner;
      return true;
    },
    releaseFetchLease: async (_id, owner) => void (leaseOwner === owner && (leaseOwner = null)),
  };
  return {
    store,
    invalidations,
    current: () => token,
    holdLease: (owner: string | null) => void (leaseOwner = owner),
    setToken: (next: CachedAccessToken) => void (token = next),
  };
}

/** A fake WeChat: answers each request with the next scripted reply for its path. */
function scriptedWechat(script: Record<string, unknown[]>) {
  const calls: { path: string; method: string; body: unknown }[] = [];
  let tokenCounter = 0;
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const path = url.pathname;
    calls.push({ path, method: init?.method ?? "GET", body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const next = script[path]?.shift();
    const reply =
      next ?? (path.endsWith("token") ? { access_token: `token-${++tokenCounter}`, expires_in: 7200 } : { ok: true });
    return new Response(JSON.stringify(reply), { headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return { fetchImpl, calls, count: (path: string) => calls.filter((call) => call.path === path).length };
}

const fresh = (token: string, secondsLeft = 7000): CachedAccessToken => ({
  token,
  expiresAt: new Date(Date.now() + secondsLeft * 1000),
});

describe("WechatApiClient", () => {
  it("fetches one token for many concurrent calls (single flight) and sends it on each call", async () => {
    const { store } = memoryStore();
    const wechat = scriptedWechat({});
    const client = new WechatApiClient(account, store, wechat.fetchImpl);
    await Promise.all(Array.from({ length: 20 }, () => client.call("/cgi-bin/x", {}, okSchema)));
    expect(wechat.count("/cgi-bin/stable_token")).toBe(1);
    expect(wechat.calls.find((call) => call.path === "/cgi-bin/stable_token")?.body).toEqual({
      grant_type: "client_credential",
      appid: account.appId,
      secret: "secret",
      force_refresh: false,
    });
  });

  it("uses the classic endpoint when the account says so, and GET for calls without a body", async () => {
    const { store } = memoryStore();
    const wechat = scriptedWechat({});
    await new WechatApiClient({ ...account, accessTokenKind: "classic" }, store, wechat.fetchImpl).call(
      "/cgi-bin/tags/get",
      undefined,
      okSchema,
    );
    expect(wechat.calls.map((call) => [call.path, call.method])).toEqual([
      ["/cgi-bin/token", "GET"],
      ["/cgi-bin/tags/get", "GET"],
    ]);
  });

  it("refreshes a token within 300 s of its expiry, and keeps one with more time left", async () => {
    const keep = memoryStore(fresh("old", 301));
    const wechat = scriptedWechat({});
    await new WechatApiClient(account, keep.store, wechat.fetchImpl).call("/cgi-bin/x", {}, okSchema);
    expect(wechat.count("/cgi-bin/stable_token")).toBe(0);
    const refresh = memoryStore(fresh("old", 299));
    await new WechatApiClient(account, refresh.store, wechat.fetchImpl).call("/cgi-bin/x", {}, okSchema);
    expect([wechat.count("/cgi-bin/stable_token"), refresh.current()?.token]).toEqual([1, "token-1"]);
  });

  it.each([40001, 40014, 42001])(
    "on %i drops the token that failed, fetches once and retries once",
    async (errcode) => {
      const memory = memoryStore(fresh("stale"));
      const wechat = scriptedWechat({ "/cgi-bin/x": [{ errcode, errmsg: "invalid" }] });
      expect(
        await new WechatApiClient(account, memory.store, wechat.fetchImpl).call("/cgi-bin/x", {}, okSchema),
      ).toEqual({ ok: true });
      expect([memory.invalidations, wechat.count("/cgi-bin/stable_token"), wechat.count("/cgi-bin/x")]).toEqual([
        ["stale"],
        1,
        2,
      ]);
    },
  );

  it("does not drop a token another caller already replaced", async () => {
    const memory = memoryStore(fresh("stale"));
    const wechat = scriptedWechat({});
    const failing = (async (input: string | URL | Request, init?: RequestInit) => {
      if (String(input).includes("/cgi-bin/x") && String(input).includes("stale")) {
        memory.setToken(fresh("replaced-meanwhile"));
        return new Response(JSON.stringify({ errcode: 40001, errmsg: "invalid" }));
      }
      return wechat.fetchImpl(input, init);
    }) as typeof fetch;
    await new WechatApiClient(account, memory.store, failing).call("/cgi-bin/x", {}, okSchema);
    expect([memory.current()?.token, wechat.count("/cgi-bin/stable_token")]).toEqual(["replaced-meanwhile", 0]);
  });

  it("surfaces a second token error instead of looping", async () => {
    const wechat = scriptedWechat({ "/cgi-bin/x": [{ errcode: 40001 }, { errcode: 40001 }, { errcode: 40001 }] });
    await expect(
      new WechatApiClient(account, memoryStore(fresh("a")).store, wechat.fetchImpl).call("/cgi-bin/x", {}, okSchema),
    ).rejects.toMatchObject({ errcode: 40001 });
    expect(wechat.count("/cgi-bin/x")).toBe(2);
  });

  it("retries -1 (busy) twice with backoff, then gives up", async () => {
    const recovered = scriptedWechat({ "/cgi-bin/x": [{ errcode: -1 }, { errcode: -1 }] });
    expect(
      await new WechatApiClient(account, memoryStore(fresh("a")).store, recovered.fetchImpl).call(
        "/cgi-bin/x",
        {},
        okSchema,
      ),
    ).toEqual({ ok: true });
    const busy = scriptedWechat({ "/cgi-bin/x": [{ errcode: -1 }, { errcode: -1 }, { errcode: -1 }] });
    await expect(
      new WechatApiClient(account, memoryStore(fresh("a")).store, busy.fetchImpl).call("/cgi-bin/x", {}, okSchema),
    ).rejects.toMatchObject({ errcode: -1 });
    expect(busy.count("/cgi-bin/x")).toBe(3);
  });

  it.each([45009, 45011])("surfaces quota error %i at once, with its message", async (errcode) => {
    const wechat = scriptedWechat({ "/cgi-bin/x": [{ errcode, errmsg: "quota" }] });
    const error = await new WechatApiClient(account, memoryStore(fresh("a")).store, wechat.fetchImpl)
      .call("/cgi-bin/x", {}, okSchema)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WechatApiError);
    expect((error as Error).message).toMatch(/quota|minute/);
    expect(wechat.count("/cgi-bin/x")).toBe(1);
  });

  it("waits while another instance holds the lease and uses the token it writes", async () => {
    const memory = memoryStore();
    memory.holdLease("other-instance");
    const wechat = scriptedWechat({});
    const calling = new WechatApiClient(account, memory.store, wechat.fetchImpl).call("/cgi-bin/x", {}, okSchema);
    await new Promise((resolve) => setTimeout(resolve, 250));
    memory.setToken(fresh("from-the-other-instance"));
    await calling;
    expect(wechat.count("/cgi-bin/stable_token")).toBe(0);
    expect(wechat.calls.at(-1)?.path).toBe("/cgi-bin/x");
  });

  it("reports an unreachable or non-JSON WeChat as unavailable", async () => {
    const down = (async () => {
      throw new Error("ECONNREFUSED");
    }) as typeof fetch;
    await expect(
      new WechatApiClient(account, memoryStore(fresh("a")).store, down).call("/cgi-bin/x", {}, okSchema),
    ).rejects.toMatchObject({ name: "WechatUnavailableError" });
    const html = (async () => new Response("<html>", { status: 200 })) as typeof fetch;
    await expect(
      new WechatApiClient(account, memoryStore(fresh("a")).store, html).call("/cgi-bin/x", {}, okSchema),
    ).rejects.toMatchObject({ name: "WechatUnavailableError" });
  });
});
