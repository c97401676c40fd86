// Apps the emulator knows before they are connected to Qudao, as WeChat's test-account page
// (测试号) hands out an AppID and AppSecret: so the connect wizard can be walked end to end against
// the sandbox. The AppID carries a recognisable prefix; the AppSecret is derived from it with the
// install's key, so no table is needed and a wrong secret is refused (40125) as WeChat would.
import { randomBytes } from "node:crypto";
import { deriveSecret } from "@/lib/accounts/secret-box";

const emulatedAppIdPattern = /^wxsandbox[0-9a-f]{9}$/;

export function isEmulatedAppId(appId: string): boolean {
  return emulatedAppIdPattern.test(appId);
}

export function emulatedAppSecret(appId: string): string {
  return deriveSecret(`sandbox-app:${appId}`);
}

export function createEmulatedApp(): { appId: string; appSecret: string } {
  const appId = `wxsandbox${randomBytes(5).toString("hex").slice(0, 9)}`;
  return { appId, appSecret: emulatedAppSecret(appId) };
}
