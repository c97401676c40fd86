// qrcode/create and showqrcode as WeChat does them (PROTOCOL.md §2), including the limits and
// error codes, so a caller tested here behaves the same against the real platform.
import { randomBytes } from "node:crypto";
import QRCode from "qrcode";
import { getDb } from "@/lib/db/client";
import { appIdForToken } from "@/lib/sandbox/access-tokens";
import { SandboxWechatError } from "@/lib/sandbox/wechat-errors";
import { applyApiFault } from "@/lib/sandbox/faults";

export const permanentQuota = 100_000;
const maxExpireSeconds = 2_592_000;
const defaultExpireSeconds = 60;
const permanentActions = new Set(["QR_LIMIT_SCENE", "QR_LIMIT_STR_SCENE"]);
const integerActions = new Set(["QR_SCENE", "QR_LIMIT_SCENE"]);
const allActions = new Set(["QR_SCENE", "QR_STR_SCENE", "QR_LIMIT_SCENE", "QR_LIMIT_STR_SCENE"]);

interface QrCreateBody {
  action_name?: unknown;
  expire_seconds?: unknown;
  action_info?: { scene?: { scene_id?: unknown; scene_str?: unknown } };
}

function sceneOf(body: QrCreateBody, actionName: string): string {
  const scene = body.action_info?.scene;
  if (integerActions.has(actionName)) {
    const max = actionName === "QR_LIMIT_SCENE" ? permanentQuota : 4_294_967_295;
    const id = scene?.scene_id;
    if (typeof id !== "number" || !Number.isInteger(id) || id < 1 || id > max)
      throw new SandboxWechatError(40053, "invalid action info");
    return String(id);
  }
  const text = scene?.scene_str;
  if (typeof text !== "string" || text.length < 1 || text.length > 64)
    throw new SandboxWechatError(40053, "invalid action info");
  return text;
}

export async function createSandboxQrCode(accessToken: string | null, body: QrCreateBody) {
  const appId = await appIdForToken(accessToken);
  await applyApiFault(appId, "qrcode/create");
  const actionName = typeof body.action_name === "string" ? body.action_name : "";
  if (!allActions.has(actionName)) throw new SandboxWechatError(40052, "invalid action name");
  const scene = sceneOf(body, actionName);
  const db = getDb();

  if (permanentActions.has(actionName)) {
    // A permanent scene has one code forever: asking again returns it and uses no quota.
    const existing = await db.sandboxQrCode.findFirst({ where: { appId, actionName, scene } });
    if (existing) return { ticket: existing.ticket, url: existing.url };
    const used = await db.sandboxQrCode.count({ where: { appId, actionName: { in: [...permanentActions] } } });
    if (used >= permanentQuota) throw new SandboxWechatError(45029, "qrcode count out of limit");
  }
  const requested = typeof body.expire_seconds === "number" ? Math.floor(body.expire_seconds) : defaultExpireSeconds;
  const expireSeconds = Math.min(Math.max(requested, 1), maxExpireSeconds);
  // Tickets contain + / = like WeChat's, so callers that forget to URL-encode them fail here too.
  const ticket = `gQ${randomBytes(48).toString("base64")}`;
  const url = `http://weixin.qq.com/q/${randomBytes(16).toString("base64url")}`;
  const isPermanent = permanentActions.has(actionName);
  await db.sandboxQrCode.create({
    data: {
      ticket,
      appId,
      actionName,
      scene,
      url,
      expiresAt: isPermanent ? null : new Date(Date.now() + expireSeconds * 1000),
    },
  });
  return isPermanent ? { ticket, url } : { ticket, expire_seconds: expireSeconds, url };
}

/** showqrcode needs no token: the ticket is the secret. Unknown or expired ticket → null (404). */
export async function renderSandboxQrImage(ticket: string | null): Promise<Buffer | null> {
  if (!ticket) return null;
  const code = await getDb().sandboxQrCode.findUnique({ where: { ticket } });
  if (!code || (code.expiresAt && code.expiresAt.getTime() <= Date.now())) return null;
  return QRCode.toBuffer(code.url, { type: "png", width: 430, margin: 2 });
}
