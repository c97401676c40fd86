// Encrypts account secrets at rest (AES-256-GCM). The key comes from QUDAO_SECRET_KEY or, on a
// single machine, a key file generated once in the data folder: a copied database alone does
// not reveal any AppSecret, Token or EncodingAESKey.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { getEnv } from "@/lib/env";

const formatVersion = "v1";
let cachedKey: Buffer | undefined;

function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) throw new Error("QUDAO_SECRET_KEY must be 32 bytes, as 64 hex characters or base64");
  return key;
}

function loadKey(): Buffer {
  if (cachedKey) return cachedKey;
  const env = getEnv();
  if (env.QUDAO_SECRET_KEY) return (cachedKey = parseKey(env.QUDAO_SECRET_KEY));
  const keyFile = join(resolve(env.QUDAO_DATA_DIR), "secret.key");
  if (!existsSync(keyFile)) {
    mkdirSync(resolve(env.QUDAO_DATA_DIR), { recursive: true });
    // "wx" flag: if another process created it first, we fail here and read theirs below.
    try {
      writeFileSync(keyFile, randomBytes(32).toString("hex") + "\n", { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return (cachedKey = parseKey(readFileSync(keyFile, "utf8")));
}

export function sealSecret(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", loadKey(), iv);
  const sealed = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    formatVersion,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    sealed.toString("base64url"),
  ].join(".");
}

export function openSecret(sealed: string): string {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== formatVersion || !iv || !tag || body === undefined) throw new Error("Unreadable sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", loadKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** A stable value derived from the install's key, e.g. the sandbox emulator's app secrets. */
export function deriveSecret(label: string, length = 32): string {
  return createHmac("sha256", loadKey()).update(label).digest("hex").slice(0, length);
}
