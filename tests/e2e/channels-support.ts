// Shared by the channel specs: sign in (setting up the first user when this run starts with a
// channel spec), and a sandbox account of the spec's own, so the built-in account's numbers that
// other specs check stay untouched.
import { expect, type APIRequestContext, type Page } from "./fixtures";
import { randomBytes } from "node:crypto";
import { PNG } from "pngjs";
import jsQR from "jsqr";
import { e2eSetupToken } from "./setup-token";

export const credentials = { email: "marketer@example.com", password: "correct horse battery" };

export async function signIn(page: Page): Promise<void> {
  const setup = await page.request.post("/api/auth/setup", { data: { ...credentials, setupToken: e2eSetupToken } });
  if (setup.status() !== 201)
    expect((await page.request.post("/api/auth/sign-in", { data: credentials })).status()).toBe(200);
}

const alphanumeric = (length: number) => randomBytes(length).toString("hex").slice(0, length);

/** A plaintext-mode account on the built-in emulator (this server's /sandbox). */
export async function createSandboxAccount(
  request: APIRequestContext,
  baseURL: string,
  name: string,
): Promise<{ id: string }> {
  const response = await request.post("/api/accounts", {
    data: {
      name,
      appId: `wx${alphanumeric(16)}`,
      appSecret: alphanumeric(32),
      token: alphanumeric(16),
      mode: "plaintext",
      apiBaseUrl: `${baseURL}/sandbox`,
    },
  });
  expect(response.status()).toBe(201);
  return response.json();
}

/** The text a PNG's QR code holds, or null when it does not scan. */
export function decodeQrPng(bytes: Uint8Array): string | null {
  const png = PNG.sync.read(Buffer.from(bytes));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}
