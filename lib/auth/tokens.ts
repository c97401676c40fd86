// Random bearer secrets (session cookies, API keys) and the hash we store instead of them.
import { createHash, randomBytes } from "node:crypto";

export function createSecretToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** sha256 is enough here: the input is 256 random bits, not a password. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
