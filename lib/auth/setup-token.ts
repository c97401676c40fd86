// The first-run link: while no user exists, `npm start` prints /setup?token=… and only whoever
// holds that token (someone who can read the server's output) may create the first owner.
// Stored hashed and short-lived; QUDAO_SETUP_TOKEN sets one in advance for automation and tests.
import { timingSafeEqual } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { createSecretToken, hashToken } from "@/lib/auth/tokens";

export const setupTokenLifetimeMs = 60 * 60_000;

/** A new one-time setup token (the older ones stop working); returns the token and its link. */
export async function issueSetupToken(now = new Date()): Promise<{ token: string; url: string; expiresAt: Date }> {
  const token = createSecretToken("qdsetup_");
  const expiresAt = new Date(now.getTime() + setupTokenLifetimeMs);
  await getDb().$transaction([
    getDb().setupToken.deleteMany({}),
    getDb().setupToken.create({ data: { tokenHash: hashToken(token), expiresAt } }),
  ]);
  return { token, url: setupLinkFor(token), expiresAt };
}

export function setupLinkFor(token: string): string {
  return `${getEnv().publicUrl}/setup?token=${encodeURIComponent(token)}`;
}

export async function isSetupTokenValid(token: string, now = new Date()): Promise<boolean> {
  const preset = getEnv().QUDAO_SETUP_TOKEN;
  if (preset && isSameText(preset, token)) return true;
  const row = await getDb().setupToken.findUnique({ where: { tokenHash: hashToken(token) } });
  return row !== null && row.expiresAt > now;
}

function isSameText(expected: string, given: string): boolean {
  const a = Buffer.from(hashToken(expected));
  const b = Buffer.from(hashToken(given));
  return timingSafeEqual(a, b);
}
