// The apps the emulator knows: every account flagged isEmulated (never one recognised by its URL). Their
// developer settings (token, key, mode) are what the emulator signs and encrypts pushes with.
import { getDb } from "@/lib/db/client";
import { toCredentials, type AccountCredentials } from "@/lib/accounts/account-records";
import { SandboxWechatError } from "@/lib/sandbox/wechat-errors";
import { emulatedAppSecret, isEmulatedAppId } from "@/lib/sandbox/emulated-apps";

export async function findSandboxApp(appId: string): Promise<AccountCredentials | null> {
  const row = await getDb().account.findUnique({ where: { appId } });
  return row && (row.isEmulated || row.isBuiltInSandbox) ? toCredentials(row) : null;
}

/**
 * appid and secret as WeChat checks them: 40013 unknown appid, 40125 wrong secret. An emulated
 * app not yet connected to Qudao (emulated-apps.ts) is known by its derived secret.
 */
export async function authenticateSandboxApp(appId: unknown, secret: unknown): Promise<{ appId: string }> {
  if (typeof appId !== "string" || !appId) throw new SandboxWechatError(41002, "appid missing");
  if (typeof secret !== "string" || !secret) throw new SandboxWechatError(41004, "appsecret missing");
  const app = await findSandboxApp(appId);
  const expectedSecret = app?.appSecret ?? (isEmulatedAppId(appId) ? emulatedAppSecret(appId) : null);
  if (expectedSecret === null) throw new SandboxWechatError(40013, "invalid appid");
  if (expectedSecret !== secret) throw new SandboxWechatError(40125, "invalid appsecret");
  return { appId };
}
