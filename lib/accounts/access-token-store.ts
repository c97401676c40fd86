// The database side of the token holder: one row per account, shared by every app instance.
import { getDb } from "@/lib/db/client";
import { WechatApiClient, type AccessTokenStore } from "@/lib/wechat/api-client";
import { getAccountCredentials } from "@/lib/accounts/account-records";

export const databaseAccessTokenStore: AccessTokenStore = {
  async read(accountId) {
    const row = await getDb().wechatAccessToken.findUnique({ where: { accountId } });
    return row?.token && row.expiresAt ? { token: row.token, expiresAt: row.expiresAt } : null;
  },
  async write(accountId, token) {
    await getDb().wechatAccessToken.upsert({
      where: { accountId },
      create: { accountId, token: token.token, expiresAt: token.expiresAt },
      update: { token: token.token, expiresAt: token.expiresAt },
    });
  },
  async invalidate(accountId, failedToken) {
    await getDb().wechatAccessToken.updateMany({ where: { accountId, token: failedToken }, data: { token: null, expiresAt: null } });
  },
};

export async function apiClientForAccount(accountId: string, fetchImpl?: typeof fetch): Promise<WechatApiClient> {
  return new WechatApiClient(await getAccountCredentials(accountId), databaseAccessTokenStore, fetchImpl);
}
