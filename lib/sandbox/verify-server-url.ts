// The emulator's side of "提交" in 公众平台's server settings: a signed GET with an echostr to the
// account's server URL, verified only if the answer is the echostr verbatim (PROTOCOL.md §3).
// Lets the connect wizard show verification arriving without the real WeChat.
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/http/errors";
import { findAccountRow, toCredentials, webhookUrlFor } from "@/lib/accounts/account-records";
import { computeSignature } from "@/lib/wechat/signature";
import type { SandboxVerificationResult } from "@/lib/schemas/accounts";

const verificationTimeoutMs = 5_000;

export async function sendSandboxVerification(accountId: string): Promise<SandboxVerificationResult> {
  const row = await findAccountRow(accountId);
  if (!row.isEmulated && !row.isBuiltInSandbox)
    throw new AppError("conflict", "This account is connected to the real WeChat: only WeChat can verify its URL");
  const { token } = toCredentials(row);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(randomBytes(4).readUInt32BE(0));
  const echostr = randomBytes(9).readBigUInt64BE(0).toString();
  const query = { signature: computeSignature([token, timestamp, nonce]), timestamp, nonce, echostr };

  try {
    const response = await fetch(`${webhookUrlFor(accountId)}?${new URLSearchParams(query)}`, {
      signal: AbortSignal.timeout(verificationTimeoutMs),
    });
    const body = await response.text();
    const isVerified = response.status === 200 && body === echostr;
    return { isVerified, status: response.status, detail: isVerified ? null : body.slice(0, 200) };
  } catch (error) {
    return { isVerified: false, status: null, detail: (error as Error).message };
  }
}
