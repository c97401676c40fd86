// Encrypts secrets at rest (AES-256-GCM): account AppSecrets, Tokens and EncodingAESKeys (current
// and previous) and WeChat access tokens. The key comes from QUDAO_SECRET_KEY or a key file
// generated once (QUDAO_SECRET_KEY_FILE, by default secret.key in the data folder): a copied
// database alone does not reveal any of them. `npm run cli -- secrets rotate-key` re-seals every
// secret under a new key (lib/accounts/rotate-key.ts).
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { getEnv } from "@/lib/env";

const formatVersion = "v1";
let cachedKey: Buffer | undefined;

export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) throw new Error("The secret key must be 32 bytes, as 64 hex characters or base64");
  return key;
}

/** A new key, as the key file holds it (64 hex characters and a newline). */
export function generateSecretKeyText(): string {
  return randomBytes(32).toString("hex") + "\n";
}

/** Where the key file is: QUDAO_SECRET_KEY_FILE, or secret.key in the data folder. */
export function secretKeyFilePath(): string {
  const env = getEnv();
  return resolve(env.QUDAO_SECRET_KEY_FILE ?? join(env.QUDAO_DATA_DIR, "secret.key"));
}

export function loadSecretKey(): Buffer {
  if (cachedKey) return cachedKey;
  const env = getEnv();
  if (env.QUDAO_SECRET_KEY) return (cachedKey = parseSecretKey(env.QUDAO_SECRET_KEY));
  const keyFile = secretKeyFilePath();
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
    // "wx" flag: if another process created it first, we fail here and read theirs below.
    try {
      writeFileSync(keyFile, generateSecretKeyText(), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return (cachedKey = parseSecretKey(readFileSync(keyFile, "utf8")));
}

/** After a key rotation (or a test that changes the key's source): read the key again. */
export function forgetSecretKey(): void {
  cachedKey = undefined;
}

export function sealSecretWith(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    formatVersion,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    sealed.toString("base64url"),
  ].join(".");
}

export function openSecretWith(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== formatVersion || !iv || !tag || body === undefined) throw new Error("Unreadable sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** Whether a stored value is sealed at all (access tokens stored before they were sealed are not). */
export function isSealed(value: string): boolean {
  return value.startsWith(`${formatVersion}.`);
}

export function sealSecret(plaintext: string): string {
  return sealSecretWith(loadSecretKey(), plaintext);
}

export function openSecret(sealed: string): string {
  return openSecretWith(loadSecretKey(), sealed);
}

/**
 * A stable value derived from the install's key, e.g. the sandbox emulator's app secrets. It
 * changes with the key: an emulated app not yet connected gets a new AppSecret after a rotation.
 */
export function deriveSecret(label: string, length = 32): string {
  return createHmac("sha256", loadSecretKey()).update(label).digest("hex").slice(0, length);
}
