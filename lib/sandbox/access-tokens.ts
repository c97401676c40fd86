// The emulator's access tokens, with WeChat's semantics (PROTOCOL.md §1): a classic fetch
// invalidates the previous token after a 5-minute overlap; stable_token returns the same token
// until its last 5 minutes; both last 7200 s.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { authenticateSandboxApp } from "@/lib/sandbox/sandbox-apps";
import { SandboxWechatError } from "@/lib/sandbox/wechat-errors";
import { applyApiFault } from "@/lib/sandbox/faults";

export const tokenLifetimeSeconds = 7200;
const overlapMs = 300_000;

function newToken(): string {
  // Real tokens are long base64-ish strings; 150+ characters catches callers that store too few.
  return randomBytes(120).toString("base64url");
}

export async function issueClassicToken(appId: unknown, secret: unknown, callerIp?: string) {
  await applyApiFault(typeof appId === "string" ? appId : null, "token", callerIp);
  const app = await authenticateSandboxApp(appId, secret);
  const db = getDb();
  const now = Date.now();
  const token = newToken();
  await db.$transaction([
    db.sandboxAccessToken.updateMany({
      where: { appId: app.appId, kind: "classic", expiresAt: { gt: new Date(now + overlapMs) } },
      data: { expiresAt: new Date(now + overlapMs) },
    }),
    // createdAt from this clock, not the database's: appIdForToken compares it with expiresAt.
    db.sandboxAccessToken.create({
      data: {
        token,
        appId: app.appId,
        kind: "classic",
        createdAt: new Date(now),
        expiresAt: new Date(now + tokenLifetimeSeconds * 1000),
      },
    }),
  ]);
  return { access_token: token, expires_in: tokenLifetimeSeconds };
}

export async function issueStableToken(
  body: {
    appid?: unknown;
    secret?: unknown;
    grant_type?: unknown;
    force_refresh?: unknown;
  },
  callerIp?: string,
) {
  if (body.grant_type !== "client_credential") throw new SandboxWechatError(40002, "invalid grant_type");
  await applyApiFault(typeof body.appid === "string" ? body.appid : null, "stable_token", callerIp);
  const app = await authenticateSandboxApp(body.appid, body.secret);
  const db = getDb();
  const now = Date.now();
  const current = await db.sandboxAccessToken.findFirst({
    where: { appId: app.appId, kind: "stable" },
    orderBy: { expiresAt: "desc" },
  });
  if (current && body.force_refresh !== true && current.expiresAt.getTime() - now > overlapMs) {
    return { access_token: current.token, expires_in: Math.floor((current.expiresAt.getTime() - now) / 1000) };
  }
  const token = newToken();
  await db.sandboxAccessToken.create({
    data: {
      token,
      appId: app.appId,
      kind: "stable",
      createdAt: new Date(now),
      expiresAt: new Date(now + tokenLifetimeSeconds * 1000),
    },
  });
  return { access_token: token, expires_in: tokenLifetimeSeconds };
}

/**
 * The app an access_token belongs to: 41001 missing, 40001 unknown or replaced by a newer
 * classic token (after the overlap), 42001 expired at the end of its own lifetime.
 */
export async function appIdForToken(token: string | null): Promise<string> {
  if (!token) throw new SandboxWechatError(41001, "access_token missing");
  const row = await getDb().sandboxAccessToken.findUnique({ where: { token } });
  if (!row) throw new SandboxWechatError(40001, "invalid credential, access_token is invalid or not latest");
  if (row.expiresAt.getTime() <= Date.now()) {
    const wasCutShort = row.expiresAt.getTime() - row.createdAt.getTime() < (tokenLifetimeSeconds - 1) * 1000;
    if (wasCutShort) throw new SandboxWechatError(40001, "invalid credential, access_token is invalid or not latest");
    throw new SandboxWechatError(42001, "access_token expired");
  }
  return row.appId;
}
