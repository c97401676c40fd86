// The load tool's own accounts and channels, made fresh for each run so its check is exact:
// every event of these accounts in the database came from this run.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { createAccount } from "@/lib/accounts/manage-accounts";
import type { LoadAccount } from "@/scripts/load/push-stream";

const channelsPerAccount = 20;

export async function createLoadAccounts(input: { count: number; safeShare: number; runId: string }) {
  const accounts: LoadAccount[] = [];
  for (let index = 0; index < input.count; index++) {
    const isSafe = index < Math.round(input.count * input.safeShare);
    const secrets = {
      appId: `wx${input.runId}${String(index).padStart(8, "0")}`.slice(0, 18),
      token: randomBytes(16).toString("hex"),
      encodingAESKey: randomBytes(32)
        .toString("base64")
        .replace(/[^A-Za-z0-9]/g, "A")
        .slice(0, 43),
      originalId: `gh_load${input.runId}${index}`,
    };
    const account = await createAccount({
      name: `Load ${input.runId} #${index + 1}`,
      appId: secrets.appId,
      appSecret: randomBytes(16).toString("hex"),
      token: secrets.token,
      encodingAESKey: secrets.encodingAESKey,
      mode: isSafe ? "safe" : "plaintext",
      originalId: secrets.originalId,
      timezone: "Asia/Shanghai",
      apiBaseUrl: "https://api.weixin.qq.com",
      accessTokenKind: "stable",
    });
    const scenes = Array.from({ length: channelsPerAccount }, (_, channel) => String(1000 + channel));
    await getDb().channel.createMany({
      data: scenes.map((scene) => ({
        accountId: account.id,
        name: `Load channel ${scene}`,
        qrKind: "permanent",
        sceneType: "int",
        scene,
      })),
    });
    accounts.push({ id: account.id, ...secrets, mode: isSafe ? "safe" : "plaintext", scenes });
  }
  return accounts;
}

export async function deleteLoadAccounts(accountIds: string[]): Promise<void> {
  await getDb().account.deleteMany({ where: { id: { in: accountIds } } });
}
