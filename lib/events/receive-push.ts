// WeChat's server URL: URL verification and pushes. A push is opened and stored on the ingest
// thread (accept-push.ts, ingest-thread.ts); the reply is decided from what is already in the
// database (the channel's welcome message), so the answer comes well inside WeChat's 5 s.
import { AppError } from "@/lib/http/errors";
import { findAccountRow, findRecentAccountCredentials, toCredentials } from "@/lib/accounts/account-records";
import { recordAccountError, recordPushReceived, recordVerification } from "@/lib/accounts/account-health";
import { callIngestThread } from "@/lib/events/ingest-thread";
import { refusalCodeOf } from "@/lib/events/accept-push";
import { WechatProtocolError } from "@/lib/wechat/errors";
import { verifyEchoRequest, withCurrentOrPrevious, type PushCredentials, type PushQuery } from "@/lib/wechat/push";
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

type Credentials = ReturnType<typeof toCredentials>;

function credentialsOf(account: Credentials): PushCredentials {
  return { token: account.token, appId: account.appId, encodingAESKey: account.encodingAESKey };
}

function previousCredentialsOf(account: Credentials): PushCredentials | null {
  return account.previous ? { ...account.previous, appId: account.appId } : null;
}

/** What a disabled account answers: WeChat takes "success" as delivered and does not retry. */
const dropped: PushReply = { body: "success", contentType: "text/plain; charset=utf-8", hasQueuedWork: false };

/**
 * Protocol failures store nothing and answer 400 (malformed) or 401 (not from WeChat). They are
 * logged and kept as the account's last error (throttled): after a settings change, a run of them
 * is how a Token or key mismatch shows.
 */
async function refusal(accountId: string, what: string, error: unknown): Promise<unknown> {
  if (!(error instanceof WechatProtocolError)) return error;
  return refused(accountId, what, new AppError(refusalCodeOf(error), error.message));
}

async function refused(accountId: string, what: string, error: AppError): Promise<AppError> {
  log.warn({ accountId, code: error.code }, `webhook refused a request: ${error.message}`);
  await recordAccountError(accountId, { source: "webhook", message: `${what} refused: ${error.message}` });
  return error;
}

/** Verification is answered even for a disabled account: WeChat must be able to save the URL. */
export async function answerVerification(accountId: string, query: PushQuery): Promise<string> {
  const account = toCredentials(await findAccountRow(accountId));
  let echo: string;
  try {
    echo = withCurrentOrPrevious(credentialsOf(account), previousCredentialsOf(account), (credentials) =>
      verifyEchoRequest(query, credentials, nowInSeconds()),
    ).result;
  } catch (error) {
    throw await refusal(accountId, "URL verification", error);
  }
  await recordVerification(accountId);
  return echo;
}

/** Opened and stored on the ingest thread (accept-push.ts); the reply is built here. */
export async function receivePush(accountId: string, query: PushQuery, body: string): Promise<PushReply> {
  const account = await findRecentAccountCredentials(accountId);
  if (account.isDisabled) return dropped;
  const accepted = await callIngestThread({
    kind: "accept",
    push: {
      account: {
        id: account.id,
        timezone: account.timezone,
        mode: account.mode,
        originalId: account.originalId,
        credentials: credentialsOf(account),
        previousCredentials: previousCredentialsOf(account),
      },
      query,
      body,
      nowSeconds: nowInSeconds(),
    },
  });
  if (accepted.kind === "refused")
    throw await refused(accountId, "Push", new AppError(accepted.code, accepted.message));
  await recordPushReceived(accountId);
  const { event, isEncrypted, stored } = accepted;
  const sealWith = accepted.usedPrevious && account.previous ? account.previous : account;
  const { hasQueuedWork } = stored;
  const welcome = (event.type === "subscribe" || event.type === "scan") && stored.channel?.welcomeMessage;
  if (!welcome) return { body: "success", contentType: "text/plain; charset=utf-8", hasQueuedWork };

  const replyXml = buildTextReply({
    toUser: event.openid,
    fromUser: event.toUserName,
    content: welcome,
    createTime: nowInSeconds(),
  });
  if (!isEncrypted || !sealWith.encodingAESKey)
    return { body: replyXml, contentType: "application/xml; charset=utf-8", hasQueuedWork };
  const encrypted = buildEncryptedReply({
    replyXml,
    token: sealWith.token,
    encodingAESKey: sealWith.encodingAESKey,
    appId: account.appId,
    timestamp: String(nowInSeconds()),
    nonce: randomBytes(8).readUInt32BE(0).toString(),
  });
  return { body: encrypted, contentType: "application/xml; charset=utf-8", hasQueuedWork };
}

function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
