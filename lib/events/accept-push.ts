// A push, from the bytes WeChat sent to the stored event: verified, decrypted, normalised, checked
// against the account and stored, or refused with the reason. Runs on the ingest thread
// (ingest-thread.ts): the webhook's thread only reads the body and answers.
import { WechatProtocolError } from "@/lib/wechat/errors";
import { normalizeEvent, type NormalizedEvent } from "@/lib/wechat/events";
import {
  openPush,
  withCurrentOrPrevious,
  type MessageMode,
  type PushCredentials,
  type PushQuery,
} from "@/lib/wechat/push";
import { storeEvent, type StoredEvent } from "@/lib/events/store-event";

export interface PushAccount {
  id: string;
  timezone: string;
  mode: MessageMode;
  originalId: string | null;
  credentials: PushCredentials;
  /** During a Token / EncodingAESKey rotation: the previous pair, still accepted. */
  previousCredentials: PushCredentials | null;
}

export interface PushToAccept {
  account: PushAccount;
  query: PushQuery;
  body: string;
  nowSeconds: number;
}

export type AcceptedPush =
  /** Not from WeChat for this account (401), or malformed (400): nothing was stored. */
  | { kind: "refused"; code: "bad_request" | "unauthorized"; message: string }
  /**
   * `stored.isDuplicate` when the push is a retry of one stored before; `usedPrevious`: it was
   * signed with the pair before a rotation (the reply is then sealed with that pair too).
   */
  | { kind: "stored"; event: NormalizedEvent; isEncrypted: boolean; usedPrevious: boolean; stored: StoredEvent };

export async function acceptPush({ account, query, body, nowSeconds }: PushToAccept): Promise<AcceptedPush> {
  let opened;
  let event;
  let usedPrevious;
  try {
    ({ result: opened, usedPrevious } = withCurrentOrPrevious(
      account.credentials,
      account.previousCredentials,
      (credentials) => openPush({ query, body, credentials, nowSeconds }),
    ));
    event = normalizeEvent(opened.fields);
  } catch (error) {
    if (!(error instanceof WechatProtocolError)) throw error;
    return refused(refusalCodeOf(error), error.message);
  }
  // The signature covers only the query: a plaintext body under a query captured from an
  // encrypted push would otherwise get past an account that WeChat encrypts for.
  if (account.mode !== "plaintext" && !opened.isEncrypted) {
    return refused("unauthorized", `This account is in ${account.mode} mode: unencrypted pushes are refused`);
  }
  if (account.originalId && event.toUserName !== account.originalId) {
    return refused("unauthorized", "This push is addressed to another official account");
  }
  const stored = await storeEvent({ id: account.id, timezone: account.timezone }, event, opened.xml);
  return { kind: "stored", event, isEncrypted: opened.isEncrypted, usedPrevious, stored };
}

/** 401 for what is not from WeChat (a forgery, a replay), 400 for what is malformed. */
export function refusalCodeOf(error: WechatProtocolError): "bad_request" | "unauthorized" {
  const isForgery =
    error.code === "bad_signature" || error.code === "appid_mismatch" || error.code === "stale_timestamp";
  return isForgery ? "unauthorized" : "bad_request";
}

function refused(code: "bad_request" | "unauthorized", message: string): AcceptedPush {
  return { kind: "refused", code, message };
}
