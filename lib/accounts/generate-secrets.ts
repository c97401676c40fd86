// The server URL's Token and EncodingAESKey, generated as 公众平台's own "随机生成" does: letters
// and digits only (PROTOCOL.md §3), from the system's secure random source.
import { randomInt } from "node:crypto";

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
export const generatedTokenLength = 32;
export const encodingAesKeyLength = 43;

export function randomAlphanumeric(length: number): string {
  // randomInt has no modulo bias, unlike byte % 62.
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
}

export function generateToken(): string {
  return randomAlphanumeric(generatedTokenLength);
}

export function generateEncodingAesKey(): string {
  return randomAlphanumeric(encodingAesKeyLength);
}
