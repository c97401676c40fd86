import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

export async function hashPassword(password: string): Promise<string> {
  return hash(password); // argon2id with the library's recommended cost
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a hash of nothing: sign-in with an unknown email takes as long as with
 * a known one, so the answer's timing does not tell which emails exist. Always false.
 */
export async function verifyAgainstDummyHash(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  await isPasswordValid(await dummyHash, password);
  return false;
}

export async function isPasswordValid(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
