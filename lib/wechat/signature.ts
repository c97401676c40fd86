import { createHash, timingSafeEqual } from "node:crypto";

const sha1HexPattern = /^[0-9a-f]{40}$/i;

/** WeChat's signature: lowercase hex SHA-1 of the parts, sorted as plain strings, joined. */
export function computeSignature(parts: string[]): string {
  return createHash("sha1")
    .update([...parts].sort().join(""))
    .digest("hex");
}

/**
 * Checks a `signature` / `msg_signature` in constant time, so an attacker cannot learn the
 * expected value byte by byte from response times.
 */
export function isSignatureValid(signature: string, parts: string[]): boolean {
  if (!sha1HexPattern.test(signature)) return false;
  const expected = Buffer.from(computeSignature(parts), "hex");
  const received = Buffer.from(signature, "hex");
  return received.length === expected.length && timingSafeEqual(received, expected);
}
