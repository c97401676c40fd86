// Sends an event to an account's server URL as WeChat does: signed (and encrypted in
// compatible/safe mode), 5 s to answer, up to 3 tries with the same body so the receiver
// can de-duplicate. Every push and its reply is recorded for the sandbox page.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { webhookUrlFor, type AccountCredentials } from "@/lib/accounts/account-records";
import { buildWechatXml } from "@/lib/wechat/xml";
import { openEncryptedReply, sealPush } from "@/lib/wechat/push";
import type { SandboxPushResult } from "@/lib/schemas/sandbox";
import { applyPushFault } from "@/lib/sandbox/faults";

export const pushTimeoutMs = 5_000;
export const pushTries = 3;

export interface SandboxEvent {
  openid: string;
  event: SandboxPushResult["event"];
  eventKey: string;
  ticket?: string | null;
}

export function originalIdOf(app: AccountCredentials): string {
  return app.originalId ?? `gh_${app.appId.slice(2, 14)}`;
}

export async function pushEventToWebhook(app: AccountCredentials, event: SandboxEvent): Promise<SandboxPushResult> {
  const createTime = Math.floor(Date.now() / 1000);
  const xml = buildWechatXml({
    ToUserName: originalIdOf(app),
    FromUserName: event.openid,
    CreateTime: createTime,
    MsgType: "event",
    Event: event.event,
    EventKey: event.eventKey,
    ...(event.ticket ? { Ticket: event.ticket } : {}),
  });
  const sealed = sealPush({
    xml,
    mode: app.mode,
    credentials: { token: app.token, appId: app.appId, encodingAESKey: app.encodingAESKey },
    timestamp: String(createTime),
    nonce: String(randomBytes(4).readUInt32BE(0)),
    openid: event.openid,
  });
  const targetUrl = `${webhookUrlFor(app.id)}?${new URLSearchParams(sealed.query)}`;
  const record = {
    appId: app.appId,
    openid: event.openid,
    event: event.event,
    eventKey: event.eventKey,
    targetUrl: webhookUrlFor(app.id),
  };

  if ((await applyPushFault(app.appId)).isDropped) {
    const error = "dropped by an injected fault: WeChat never sent it";
    await getDb().sandboxPush.create({ data: { ...record, attempts: 0, replyStatus: null, replyBody: null, error } });
    return {
      event: event.event,
      openid: event.openid,
      eventKey: event.eventKey,
      attempts: 0,
      replyStatus: null,
      reply: null,
      error,
    };
  }

  let attempts = 0;
  let replyStatus: number | null = null;
  let replyBody: string | null = null;
  let error: string | null = null;
  while (attempts < pushTries) {
    attempts++;
    try {
      const response = await fetch(targetUrl, {
        method: "POST",
        headers: { "content-type": "text/xml" },
        body: sealed.body,
        signal: AbortSignal.timeout(pushTimeoutMs),
      });
      replyStatus = response.status;
      replyBody = await response.text();
      error = null;
      // WeChat gives up on a refusal (4xx: the server rejected the push) and retries failures.
      if (response.status < 500) break;
      error = `HTTP ${response.status}`;
    } catch (caught) {
      error =
        (caught as Error).name === "TimeoutError"
          ? `no answer within ${pushTimeoutMs / 1000} s`
          : (caught as Error).message;
    }
  }

  const reply = replyBody !== null && replyStatus === 200 ? readableReply(app, replyBody) : replyBody;
  await getDb().sandboxPush.create({ data: { ...record, attempts, replyStatus, replyBody: reply, error } });
  return { event: event.event, openid: event.openid, eventKey: event.eventKey, attempts, replyStatus, reply, error };
}

/** Encrypted replies are shown decrypted, as WeChat would display them to the follower. */
function readableReply(app: AccountCredentials, body: string): string {
  if (!body.includes("<Encrypt>")) return body;
  try {
    return openEncryptedReply({
      body,
      credentials: { token: app.token, appId: app.appId, encodingAESKey: app.encodingAESKey },
    });
  } catch (error) {
    return `unreadable encrypted reply: ${(error as Error).message}`;
  }
}
