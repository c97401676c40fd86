// WeChat's server URL: URL verification and pushes. A push is opened and stored on the ingest
// thread (accept-push.ts, ingest-thread.ts); the reply is decided from what is already in the
// database (the channel's welcome message), so the answer comes well inside WeChat's 5 s.
import { AppError } from "@/lib/http/errors";
import { findAccountRow, findRecentAccountCredentials, toCredentials } from "@/lib/accounts/account-records";
import { resultOfStoring } from "@/lib/events/ingest-event";
import { callIngestThread } from "@/lib/events/ingest-thread";
import { refusalCodeOf } from "@/lib/events/accept-push";
import { WechatProtocolError } from "@/lib/wechat/errors";
import { verifyEchoRequest, type PushCredentials, type PushQuery } from "@/lib/wechat/push";
import { buildEncryptedReply, buildTextReply } from "@/lib/wechat/reply";
import { log } from "@/lib/log";
import { randomBytes } from "node:crypto";

export const maxPushBytes = 64 * 1024;

export interface PushReply {
  body: string;
  contentType: string;
  /** The push queued work for after the reply (auto-tagging): kick the job worker. */
  hasQueuedWork: boolean;
}

function credentialsOf(account: ReturnType<typeof toCredentials>): PushCredentials {
  return { token: account.token, appId: account.appId, encodingAESKey: account.encodingAESKey };
}

/**
 * Protocol failures store nothing and answer 400 (malformed) or 401 (not from WeChat). They are
 * logged: after a settings change, a run of them is how a Token or key mismatch shows.
 */
function refusal(accountId: string, error: unknown): unknown {
  if (!(error instanceof WechatProtocolError)) return error;
  return refused(accountId, new AppError(refusalCodeOf(error), error.message));
}

function refused(accountId: string, error: AppError): AppError {
  log.warn({ accountId, code: error.code }, `webhook refused a request: ${error.message}`);
  return error;
}

export async function answerVerification(accountId: string, query: PushQuery): Promise<string> {
  const account = toCredentials(await findAccountRow(accountId));
  try {
    return verifyEchoRequest(query, credentialsOf(account), nowInSeconds());
  } catch (error) {
    throw refusal(accountId, error);
  }
}

/** Opened and stored on the ingest thread (accept-push.ts); the reply is built here. */
export async function receivePush(accountId: string, query: PushQuery, body: string): Promise<PushReply> {
  const account = await findRecentAccountCredentials(accountId);
  const accepted = await callIngestThread({
    kind: "accept",
    push: {
      account: {
        id: account.id,
        timezone: account.timezone,
        mode: account.mode,
        originalId: account.originalId,
        credentials: credentialsOf(account),
      },
      query,
      body,
      nowSeconds: nowInSeconds(),
    },
  });
  if (accepted.kind === "refused") throw refused(accountId, new AppError(accepted.code, accepted.message));
  const { event, isEncrypted } = accepted;
  const result = await resultOfStoring(account.id, event, accepted.stored);
  const { hasQueuedWork } = result;
  const welcome = (event.type === "subscribe" || event.type === "scan") && result.channel?.welcomeMessage;
  if (!welcome) return { body: "success", contentType: "text/plain; charset=utf-8", hasQueuedWork };

  const replyXml = buildTextReply({
    toUser: event.openid,
    fromUser: event.toUserName,
    content: welcome,
    createTime: nowInSeconds(),
  });
  if (!isEncrypted || !account.encodingAESKey)
    return { body: replyXml, contentType: "application/xml; charset=utf-8", hasQueuedWork };
  const encrypted = buildEncryptedReply({
    replyXml,
    token: account.token,
    encodingAESKey: account.encodingAESKey,
    appId: account.appId,
    timestamp: String(nowInSeconds()),
    nonce: randomBytes(8).readUInt32BE(0).toString(),
  });
  return { body: encrypted, contentType: "application/xml; charset=utf-8", hasQueuedWork };
}

function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
