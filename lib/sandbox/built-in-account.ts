// The account every fresh install starts with: an app that exists only in the built-in
// emulator, in safe mode so the first scan already exercises signatures and AES end to end.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { builtInSandboxBaseUrl } from "@/lib/accounts/account-records";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { isSandboxEnabled } from "@/lib/sandbox/sandbox-mode";

function randomAlphanumeric(length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join("");
}

/**
 * Creates the sandbox account once. Its stored API base is only a record: whichever server reads
 * the account uses its own address (builtInSandboxBaseUrl), so nothing here is rewritten later.
 */
export async function ensureBuiltInSandboxAccount(): Promise<{ id: string; isNew: boolean }> {
  if (!isSandboxEnabled()) throw new Error("The sandbox is off (QUDAO_SANDBOX=off): there is no sandbox account");
  const existing = await getDb().account.findFirst({ where: { isBuiltInSandbox: true } });
  if (existing) return { id: existing.id, isNew: false };
  const account = await createAccount(
    {
      name: "Sandbox",
      appId: `wx${randomBytes(8).toString("hex")}`,
      appSecret: randomBytes(16).toString("hex"),
      token: randomAlphanumeric(32),
      encodingAESKey: randomAlphanumeric(43),
      mode: "safe",
      originalId: `gh_${randomBytes(6).toString("hex")}`,
      timezone: "Asia/Shanghai",
      apiBaseUrl: builtInSandboxBaseUrl(),
    },
    { isBuiltInSandbox: true },
  );
  return { id: account.id, isNew: true };
}
