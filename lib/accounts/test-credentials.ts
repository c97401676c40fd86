// The connect wizard's first step: with the AppID and AppSecret alone, ask WeChat for an access
// token and create a one-minute temporary QR code (what Qudao needs the account for), and say in
// words what went wrong. Nothing is stored: the token lives in memory for this one test.
import { getDb } from "@/lib/db/client";
import { createQrCode } from "@/lib/wechat/qrcode-api";
import { WechatApiClient, type AccessTokenStore, type CachedAccessToken } from "@/lib/wechat/api-client";
import { WechatApiError, WechatUnavailableError } from "@/lib/wechat/api-errors";
import {
  credentialTestSchema,
  type CredentialProblem,
  type CredentialTestInput,
  type CredentialTestResult,
} from "@/lib/schemas/accounts";

const problemByErrcode: Record<number, CredentialProblem> = {
  40013: "bad_app_id",
  40125: "bad_app_secret",
  40001: "bad_app_secret",
  40164: "ip_not_whitelisted",
  48001: "not_verified_service_account",
};

/** WeChat's 40164 says which address called: "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist". */
export function callerIpIn(errmsg: string): string | null {
  return /invalid ip ([0-9a-fA-F.:]+)/.exec(errmsg)?.[1]?.replace(/,$/, "") ?? null;
}

function memoryTokenStore(): AccessTokenStore {
  let held: CachedAccessToken | null = null;
  return {
    read: async () => held,
    write: async (_accountId, token) => {
      held = token;
    },
    invalidate: async () => {
      held = null;
    },
    acquireFetchLease: async () => true,
    releaseFetchLease: async () => {},
  };
}

export async function testCredentials(rawInput: CredentialTestInput): Promise<CredentialTestResult> {
  const input = credentialTestSchema.parse(rawInput);
  const existing = await getDb().account.findUnique({ where: { appId: input.appId }, select: { id: true } });
  if (existing) {
    return failure("already_connected", null, "This AppID is already connected to Qudao");
  }

  const client = new WechatApiClient({ id: `credential-test:${input.appId}`, ...input }, memoryTokenStore());
  try {
    await client.accessToken();
    await createQrCode(client, { kind: "temporary", scene: "qudao-credential-test", expiresInSeconds: 60 });
    return { isValid: true };
  } catch (error) {
    if (error instanceof WechatApiError) {
      const callerIp = error.errcode === 40164 ? callerIpIn(error.errmsg) : null;
      // Qudao's words and the errcode, never the remote's own text: a base that is not WeChat's
      // must not be able to make this answer say what it likes.
      return failure(problemByErrcode[error.errcode] ?? "other", error.errcode, error.message, callerIp);
    }
    if (error instanceof WechatUnavailableError) return failure("unreachable", null, error.message);
    throw error;
  }
}

function failure(
  problem: CredentialProblem,
  errcode: number | null,
  detail: string,
  callerIp: string | null = null,
): CredentialTestResult {
  return { isValid: false, problem, errcode, detail, callerIp };
}
