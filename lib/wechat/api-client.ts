// One client for every call to WeChat's API (or the sandbox, same paths under another base URL).
// The token holder follows PROTOCOL.md §1: one fetch at a time (in this process, and through the
// store's lease across every instance sharing the database), refresh ahead of expiry, and on a
// token error drop the cached token only if it is the one that failed, then retry once.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { log } from "@/lib/log";
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
  /** The right to fetch a new token for `durationMs`; false while another owner holds an unexpired lease. */
  acquireFetchLease(accountId: string, owner: string, durationMs: number): Promise<boolean>;
  releaseFetchLease(accountId: string, owner: string): Promise<void>;
}

export const refreshAheadMs = 300_000;
const busyRetryDelaysMs = [200, 800];
const requestTimeoutMs = 10_000;
// Longer than one token request can take, so a live holder never loses its lease; a dead
// holder's lease runs out and the next caller fetches.
export const fetchLeaseMs = requestTimeoutMs + 5_000;
const leasePollMs = 100;
const leaseWaitLimitMs = fetchLeaseMs + 5_000;

const errorReplySchema = z.object({ errcode: z.number(), errmsg: z.string().default("") });
const tokenReplySchema = z.object({ access_token: z.string().min(1), expires_in: z.number().int().positive() });

// Single flight inside this process; the store's lease covers other processes.
const tokenFetches = new Map<string, Promise<CachedAccessToken>>();

function isFresh(token: CachedAccessToken | null): token is CachedAccessToken {
  return token !== null && token.expiresAt.getTime() - Date.now() > refreshAheadMs;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class WechatApiClient {
  constructor(
    private readonly account: ApiClientAccount,
    private readonly store: AccessTokenStore,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** Calls an API that needs `access_token` (GET when `body` is undefined), handling token expiry and WeChat's busy answer. */
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
    if (isFresh(cached)) return cached;
    let pending = tokenFetches.get(this.account.id);
    if (!pending) {
      pending = this.fetchUnderLease().finally(() => tokenFetches.delete(this.account.id));
      tokenFetches.set(this.account.id, pending);
    }
    return pending;
  }

  /**
   * Whoever holds the lease fetches; everyone else waits and re-reads. The holder re-reads too
   * before fetching: the token may have been written between our first read and the lease.
   */
  private async fetchUnderLease(): Promise<CachedAccessToken> {
    const owner = randomUUID();
    const giveUpAt = Date.now() + leaseWaitLimitMs;
    for (;;) {
      if (await this.store.acquireFetchLease(this.account.id, owner, fetchLeaseMs)) {
        try {
          const current = await this.store.read(this.account.id);
          if (isFresh(current)) return current;
          return await this.fetchAccessToken();
        } finally {
          await this.store.releaseFetchLease(this.account.id, owner);
        }
      }
      if (Date.now() > giveUpAt)
        throw new WechatUnavailableError(
          "Another Qudao instance is fetching the access token and has not finished; try again",
        );
      await sleep(leasePollMs);
      const current = await this.store.read(this.account.id);
      if (isFresh(current)) return current;
    }
  }

  private async fetchAccessToken(): Promise<CachedAccessToken> {
    const { appId, appSecret } = this.account;
    const reply =
      this.account.accessTokenKind === "stable"
        ? await this.request(
            "/cgi-bin/stable_token",
            { grant_type: "client_credential", appid: appId, secret: appSecret, force_refresh: false },
            tokenReplySchema,
          )
        : await this.request(
            `/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(appSecret)}`,
            undefined,
            tokenReplySchema,
          );
    const token = { token: reply.access_token, expiresAt: new Date(Date.now() + reply.expires_in * 1000) };
    await this.store.write(this.account.id, token);
    return token;
  }

  /** One HTTP exchange: errcode JSON → WechatApiError; -1 (busy) retried with backoff, nothing else. */
  private async request<Schema extends z.ZodType>(
    pathAndQuery: string,
    body: unknown,
    schema: Schema,
  ): Promise<z.infer<Schema>> {
    for (let attempt = 0; ; attempt++) {
      const json = await this.send(pathAndQuery, body);
      const error = errorReplySchema.safeParse(json);
      if (error.success && error.data.errcode !== 0) {
        const delay = busyRetryDelaysMs[attempt];
        if (error.data.errcode === busyErrcode && delay !== undefined) {
          await sleep(delay);
          continue;
        }
        throw new WechatApiError(error.data.errcode, error.data.errmsg);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new WechatUnavailableError("WeChat's API answered with an unexpected shape");
      return parsed.data;
    }
  }

  /**
   * The one place a request leaves for WeChat. Redirects are not followed (a 3xx could send the
   * secret to another host), and failures are told in Qudao's words: the address and the remote's
   * text go to the log, never into an error a client sees.
   */
  private async send(pathAndQuery: string, body: unknown): Promise<unknown> {
    const path = pathAndQuery.split("?")[0];
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.account.apiBaseUrl}${pathAndQuery}`, {
        method: body === undefined ? "GET" : "POST",
        headers: body === undefined ? undefined : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: "manual",
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
    } catch (error) {
      log.warn({ err: error, apiBaseUrl: this.account.apiBaseUrl, path }, "WeChat API unreachable");
      throw new WechatUnavailableError("Could not reach WeChat's API; try again later");
    }
    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel();
      log.warn({ apiBaseUrl: this.account.apiBaseUrl, path, status: response.status }, "WeChat API redirected");
      throw new WechatUnavailableError("WeChat's API answered with a redirect, which Qudao does not follow");
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new WechatUnavailableError(`WeChat's API answered HTTP ${response.status}; try again later`);
    }
    try {
      return await response.json();
    } catch {
      throw new WechatUnavailableError("WeChat's API answered something that is not its JSON");
    }
  }
}
