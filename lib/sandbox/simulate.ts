// "Scan" a code or unfollow in the emulator: WeChat's own follower state decides whether a
// scan is a subscribe (qrscene_<scene>) or a SCAN (bare scene), then the event is pushed.
import { randomBytes } from "node:crypto";
import { isAccountInScope } from "@/lib/auth/account-scope";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import { findSandboxApp } from "@/lib/sandbox/sandbox-apps";
import { pushEventToWebhook } from "@/lib/sandbox/push-event";
import { findAccountRow } from "@/lib/accounts/account-records";
import type { SandboxPushResult, SandboxScanInput, SandboxUnfollowInput } from "@/lib/schemas/sandbox";

export function randomOpenid(): string {
  // Real openids are 28 characters starting with "o".
  return `o${randomBytes(21).toString("base64url")}`;
}

async function sandboxAppFor(accountId: string) {
  const account = await findAccountRow(accountId);
  const app = await findSandboxApp(account.appId);
  if (!app)
    throw new AppError(
      "conflict",
      "This account is connected to the real WeChat: only sandbox accounts can simulate scans",
    );
  return app;
}

export async function simulateScan(input: SandboxScanInput): Promise<SandboxPushResult> {
  let accountId = input.accountId;
  let scene = input.scene === undefined ? undefined : String(input.scene);
  let ticket: string | null = null;
  if (input.channelId) {
    const channel = await getDb().channel.findUnique({ where: { id: input.channelId } });
    if (!channel || !isAccountInScope(channel.accountId)) throw notFound("Channel");
    if (channel.expiresAt && channel.expiresAt <= new Date())
      throw new AppError("conflict", "This temporary code has expired: WeChat no longer answers scans of it");
    accountId = channel.accountId;
    scene = channel.scene;
    ticket = channel.ticket;
  }
  if (!accountId || scene === undefined)
    throw new AppError("bad_request", "Give a channelId, or an accountId and a scene");
  const app = await sandboxAppFor(accountId);
  const openid = input.openid ?? randomOpenid();
  const db = getDb();
  const key = { appId_openid: { appId: app.appId, openid } };
  const follower = await db.sandboxFollower.findUnique({ where: key });
  const isFollowing = follower?.isFollowing ?? false;
  await db.sandboxFollower.upsert({
    where: key,
    create: { appId: app.appId, openid, isFollowing: true },
    update: { isFollowing: true },
  });
  return pushEventToWebhook(app, {
    openid,
    event: isFollowing ? "SCAN" : "subscribe",
    eventKey: isFollowing ? scene : `qrscene_${scene}`,
    ticket,
  });
}

export async function simulateUnfollow(input: SandboxUnfollowInput): Promise<SandboxPushResult> {
  const app = await sandboxAppFor(input.accountId);
  const db = getDb();
  const key = { appId_openid: { appId: app.appId, openid: input.openid } };
  const follower = await db.sandboxFollower.findUnique({ where: key });
  if (!follower?.isFollowing) throw new AppError("conflict", "This openid does not follow the account in the sandbox");
  await db.sandboxFollower.update({ where: key, data: { isFollowing: false } });
  return pushEventToWebhook(app, { openid: input.openid, event: "unsubscribe", eventKey: "" });
}
