// One client for every call to WeChat's API (or the sandbox, same paths under another base URL).
// The token holder follows PROTOCOL.md §1: one fetch at a time, refresh ahead of expiry, and on
// a token error drop the cached token only if it is the one that failed, then retry once.
import { z } from "zod";
import { busyErrcode, tokenInvalidErrcodes, WechatApiError, WechatUnavailableError } from "@/lib/wechat/api-errors";

export interface ApiClientAccount {
  id: string;
  appId: string;
  appSecret: string;
  apiBaseUrl: string;
  accessTokenKind: "stable" | "classic";
}

export interface CachedAccessToken {
  token: string;
  expiresAt: Date;
}

/** Where tokens are kept between calls (the database, so every app instance shares one). */
export interface AccessTokenStore {
  read(accountId: string): Promise<CachedAccessToken | null>;
  write(accountId: string, token: CachedAccessToken): Promise<void>;
  /** Forget the token only if it is still `failedToken`: another caller may have refreshed it already. */
  invalidate(accountId: string, failedToken: string): Promise<void>;
}

const refreshAheadMs = 300_000;
const busyRetryDelaysMs = [200, 800];
const requestTimeoutMs = 10_000;

const errorReplySchema = z.object({ errcode: z.number(), errmsg: z.string().default("") });
const tokenReplySchema = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });

// Single flight inside this process; the store's lease (when it has one) covers other processes.
const tokenFetches = new Map<string, Promise<CachedAccessToken>>();

export class WechatApiClient {
  constructor(
    private readonly account: ApiClientAccount,
    private readonly store: AccessTokenStore,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** Calls an API that needs `access_token`, handling token expiry and WeChat's busy answer. */
  async call<Schema extends z.ZodType>(path: string, body: unknown, schema: Schema): Promise<z.infer<Schema>> {
    let token = await this.accessToken();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.request(`${path}?access_token=${encodeURIComponent(token.token)}`, body, schema);
      } catch (error) {
        if (error instanceof WechatApiError && tokenInvalidErrcodes.has(error.errcode) && attempt === 0) {
          await this.store.invalidate(this.account.id, token.token);
          token = await this.accessToken();
          continue;
        }
        throw error;
      }
    }
  }

  async accessToken(): Promise<CachedAccessToken> {
    const cached = await this.store.read(this.account.id);
    if (cached && cached.expiresAt.getTime() - Date.now() > refreshAheadMs) return cached;
    let pending = tokenFetches.get(this.account.id);
    if (!pending) {
      pending = this.fetchAccessToken().finally(() => tokenFetches.delete(this.account.id));
      tokenFetches.set(this.account.id, pending);
    }
    return pending;
  }

  private async fetchAccessToken(): Promise<CachedAccessToken> {
    const { appId, appSecret } = this.account;
    const reply =
      this.account.accessTokenKind === "stable"
        ? await this.request("/cgi-bin/stable_token", { grant_type: "client_credential", appid: appId, secret: appSecret, force_refresh: false }, tokenReplySchema)
        : await this.request(`/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(appSecret)}`, undefined, tokenReplySchema);
    const token = { token: reply.access_token, expiresAt: new Date(Date.now() + reply.expires_in * 1000) };
    await this.store.write(this.account.id, token);
    return token;
  }

  /** One HTTP exchange: errcode JSON → WechatApiError; -1 (busy) retried with backoff. */
  private async request<Schema extends z.ZodType>(pathAndQuery: string, body: unknown, schema: Schema): Promise<z.infer<Schema>> {
    for (let attempt = 0; ; attempt++) {
      const json = await this.send(pathAndQuery, body);
      const error = errorReplySchema.safeParse(json);
      if (error.success && error.data.errcode !== 0) {
        const delay = busyRetryDelaysMs[attempt];
        if (error.data.errcode === busyErrcode && delay !== undefined) {
          await new Promise((resolve) => setTimeout(resolve, delay));
          continue;
        }
        throw new WechatApiError(error.data.errcode, error.data.errmsg);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new WechatUnavailableError(`WeChat answered ${pathAndQuery.split("?")[0]} with an unexpected shape`);
      return parsed.data;
    }
  }

  private async send(pathAndQuery: string, body: unknown): Promise<unknown> {
    const url = `${this.account.apiBaseUrl}${pathAndQuery}`;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: body === undefined ? "GET" : "POST",
        headers: body === undefined ? undefined : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
    } catch (error) {
      throw new WechatUnavailableError(`Could not reach ${this.account.apiBaseUrl}: ${(error as Error).message}`);
    }
    if (!response.ok) throw new WechatUnavailableError(`${this.account.apiBaseUrl} answered HTTP ${response.status}`);
    try {
      return await response.json();
    } catch {
      throw new WechatUnavailableError(`${this.account.apiBaseUrl} answered something that is not JSON`);
    }
  }
}
