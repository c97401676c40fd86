// The database side of the token holder: one row per account, shared by every app instance.
// The row's lease (leaseOwner, leaseUntil) lets one instance at a time fetch a new token, so
// instances never fetch classic tokens over each other (each fetch invalidates the last).
import { getDb, isUniqueViolation } from "@/lib/db/client";
import { WechatApiClient, type AccessTokenStore, type CachedAccessToken } from "@/lib/wechat/api-client";
import { WechatApiError, WechatUnavailableError } from "@/lib/wechat/api-errors";
import { getAccountCredentials } from "@/lib/accounts/account-records";
import { recordAccountError } from "@/lib/accounts/account-health";
import { AppError } from "@/lib/http/errors";
import { isSealed, openSecret, sealSecret } from "@/lib/accounts/secret-box";
import { allowedApiBasesMessage, isWechatApiBase } from "@/lib/wechat/api-hosts";

export const databaseAccessTokenStore: AccessTokenStore = {
  // Sealed like every other secret. A token stored before tokens were sealed reads as none: a
  // fresh one is fetched (and sealed) on the next call.
  async read(accountId) {
    const row = await getDb().wechatAccessToken.findUnique({ where: { accountId } });
    if (!row?.token || !row.expiresAt || !isSealed(row.token)) return null;
    return { token: openSecret(row.token), expiresAt: row.expiresAt };
  },
  async write(accountId, token) {
    const sealed = sealSecret(token.token);
    await getDb().wechatAccessToken.upsert({
      where: { accountId },
      create: { accountId, token: sealed, expiresAt: token.expiresAt },
      update: { token: sealed, expiresAt: token.expiresAt },
    });
  },
  async invalidate(accountId, failedToken) {
    // Sealing is randomised, so the failed token is found by opening the stored one; the update
    // then matches that exact sealed value, so a token another caller wrote meanwhile survives.
    const row = await getDb().wechatAccessToken.findUnique({ where: { accountId }, select: { token: true } });
    if (!row?.token) return;
    if (isSealed(row.token) && openSecret(row.token) !== failedToken) return;
    await getDb().wechatAccessToken.updateMany({
      where: { accountId, token: row.token },
      data: { token: null, expiresAt: null },
    });
  },
  async acquireFetchLease(accountId, owner, durationMs) {
    await ensureTokenRow(accountId);
    const now = new Date();
    // One conditional UPDATE: PostgreSQL re-checks the WHERE after a concurrent writer commits
    // and SQLite runs writers one at a time, so exactly one contender sees count 1.
    const taken = await getDb().wechatAccessToken.updateMany({
      where: { accountId, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }, { leaseOwner: owner }] },
      data: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + durationMs) },
    });
    return taken.count === 1;
  },
  async releaseFetchLease(accountId, owner) {
    await getDb().wechatAccessToken.updateMany({
      where: { accountId, leaseOwner: owner },
      data: { leaseOwner: null, leaseUntil: null },
    });
  },
};

async function ensureTokenRow(accountId: string): Promise<void> {
  const db = getDb();
  if (await db.wechatAccessToken.findUnique({ where: { accountId }, select: { accountId: true } })) return;
  try {
    await db.wechatAccessToken.create({ data: { accountId } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // another contender created it first
  }
}

/** A client that also records a failed token fetch as the account's last error (its token health). */
class HealthRecordingApiClient extends WechatApiClient {
  constructor(
    private readonly accountId: string,
    ...rest: ConstructorParameters<typeof WechatApiClient>
  ) {
    super(...rest);
  }

  override async accessToken(): Promise<CachedAccessToken> {
    try {
      return await super.accessToken();
    } catch (error) {
      if (error instanceof WechatApiError || error instanceof WechatUnavailableError) {
        const code = error instanceof WechatApiError ? ` (${error.errcode})` : "";
        await recordAccountError(this.accountId, { source: "token", message: `${error.message}${code}` });
      }
      throw error;
    }
  }
}

/**
 * The API client of one account. A row saved before API bases were checked may still name another
 * host: nothing is sent there (the AppSecret would go with it) until an admin sets a WeChat host.
 */
export async function apiClientForAccount(accountId: string, fetchImpl?: typeof fetch): Promise<WechatApiClient> {
  const credentials = await getAccountCredentials(accountId);
  if (!credentials.isEmulated && !isWechatApiBase(credentials.apiBaseUrl))
    throw new AppError("conflict", `${allowedApiBasesMessage(null)}: change this account's API base`);
  return new HealthRecordingApiClient(accountId, credentials, databaseAccessTokenStore, fetchImpl);
}
