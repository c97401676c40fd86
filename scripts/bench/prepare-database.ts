// Bench step run in its own process against DATABASE_URL: an account with realistic history
// (the seed), and an API key for the stats calls. Prints one JSON line for scripts/bench/index.ts.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { createAccount } from "@/lib/accounts/manage-accounts";
import { createApiKey } from "@/lib/auth/api-keys";
import { seedHistory } from "@/scripts/seed/seed-history";

function alphanumeric(length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join("");
}

async function main(): Promise<void> {
  const [events, channels, days] = process.argv.slice(2).map(Number);
  const credentials = {
    appId: `wx${randomBytes(8).toString("hex")}`,
    token: alphanumeric(32),
    encodingAESKey: alphanumeric(43),
    originalId: `gh_${randomBytes(6).toString("hex")}`,
  };
  const account = await createAccount({
    name: "Bench",
    ...credentials,
    appSecret: randomBytes(16).toString("hex"),
    mode: "safe",
    timezone: "Asia/Shanghai",
    // Not the sandbox: the webhook bench must not depend on an emulator answering.
    apiBaseUrl: "https://api.weixin.qq.com",
  });
  const seeded = await seedHistory({
    accountId: account.id,
    events: events!,
    channels: channels!,
    days: days!,
    seed: 20_261_124,
    onProgress: (done, total) =>
      process.stderr.write(`\rseeding ${done.toLocaleString("en")} / ${total.toLocaleString("en")}`),
  });
  process.stderr.write("\n");
  const scenes = (await getDb().channel.findMany({ where: { accountId: account.id }, select: { scene: true } })).map(
    (channel) => channel.scene,
  );
  const { key } = await createApiKey({ name: "bench", role: "viewer" });
  console.log(JSON.stringify({ accountId: account.id, apiKey: key, credentials, scenes, seed: seeded }));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => getDb().$disconnect());
