// WeChat's server URL: URL verification and pushes. The reply is decided from what is already
// in the database (the channel's welcome message), so the answer comes well inside WeChat's 5 s.
import { AppError } from "@/lib/http/errors";
import { findAccountRow, toCredentials } from "@/lib/accounts/account-records";
import { ingestEvent } from "@/lib/events/ingest-event";
import { WechatProtocolError } from "@/lib/wechat/errors";
import { normalizeEvent } from "@/lib/wechat/events";
import { openPush, verifyEchoRequest, type PushCredentials, type PushQuery } from "@/lib/wechat/push";
import { buildEncryptedReply, buildTextReply } from "@/lib/wechat/reply";
import { randomBytes } from "node:crypto";

export const maxPushBytes = 64 * 1024;

export interface PushReply {
  body: string;
  contentType: string;
}

function credentialsOf(account: ReturnType<typeof toCredentials>): PushCredentials {
  return { token: account.token, appId: account.appId, encodingAESKey: account.encodingAESKey };
}

/** Protocol failures store nothing and answer 400 (malformed) or 401 (not from WeChat). */
function appErrorFromProtocol(error: unknown): unknown {
  if (!(error instanceof WechatProtocolError)) return error;
  const isForgery = error.code === "bad_signature" || error.code === "appid_mismatch";
  return new AppError(isForgery ? "unauthorized" : "bad_request", error.message);
}

export async function answerVerification(accountId: string, query: PushQuery): Promise<string> {
  const account = toCredentials(await findAccountRow(accountId));
  try {
    return verifyEchoRequest(query, credentialsOf(account));
  } catch (error) {
    throw appErrorFromProtocol(error);
  }
}

export async function receivePush(accountId: string, query: PushQuery, body: string): Promise<PushReply> {
  const account = toCredentials(await findAccountRow(accountId));
  const credentials = credentialsOf(account);
  let opened;
  let event;
  try {
    opened = openPush({ query, body, credentials });
    event = normalizeEvent(opened.fields);
  } catch (error) {
    throw appErrorFromProtocol(error);
  }
  if (account.originalId && event.toUserName !== account.originalId) {
    throw new AppError("unauthorized", "This push is addressed to another official account");
  }

  const result = await ingestEvent({ id: account.id, timezone: account.timezone }, event, opened.xml);
  const welcome = (event.type === "subscribe" || event.type === "scan") && result.channel?.welcomeMessage;
  if (!welcome) return { body: "success", contentType: "text/plain; charset=utf-8" };

  const replyXml = buildTextReply({ toUser: event.openid, fromUser: event.toUserName, content: welcome, createTime: Math.floor(Date.now() / 1000) });
  if (!opened.isEncrypted || !account.encodingAESKey) return { body: replyXml, contentType: "application/xml; charset=utf-8" };
  const encrypted = buildEncryptedReply({
    replyXml,
    token: account.token,
    encodingAESKey: account.encodingAESKey,
    appId: account.appId,
    timestamp: String(Math.floor(Date.now() / 1000)),
    nonce: randomBytes(8).readUInt32BE(0).toString(),
  });
  return { body: encrypted, contentType: "application/xml; charset=utf-8" };
}
