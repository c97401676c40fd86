// Sends pushes to the webhook the way WeChat does (or almost, for the hostile tests): the
// account's own credentials, or any of them swapped, and the raw HTTP answer back.
import { randomBytes } from "node:crypto";
import { getAccountCredentials, type AccountCredentials } from "@/lib/accounts/account-records";
import { sealPush, type MessageMode, type PushCredentials } from "@/lib/wechat/push";
import { buildWechatXml } from "@/lib/wechat/xml";

export interface SealedPush {
  url: string;
  query: Record<string, string>;
  body: string;
  credentials: AccountCredentials;
}

export function randomOpenidForTest(): string {
  return `o${randomBytes(14).toString("base64url")}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** An event push body; `fields` override or add (e.g. Event: "SCAN", EventKey: "12"). */
export function eventXml(
  credentials: AccountCredentials,
  fields: Record<string, string | number> & { FromUserName: string },
): string {
  return buildWechatXml({
    ToUserName: credentials.originalId ?? "gh_unknown",
    CreateTime: nowSeconds(),
    MsgType: "event",
    ...fields,
  });
}

/** Seals `xml` for the account's webhook in its mode (or `mode`), signed with `sealWith` when given. */
export async function sealForAccount(
  serverUrl: string,
  accountId: string,
  xml: string,
  options: { mode?: MessageMode; sealWith?: Partial<PushCredentials>; timestamp?: string; openid?: string } = {},
): Promise<SealedPush> {
  const credentials = await getAccountCredentials(accountId);
  const sealed = sealPush({
    xml,
    mode: options.mode ?? credentials.mode,
    credentials: {
      token: credentials.token,
      appId: credentials.appId,
      encodingAESKey: credentials.encodingAESKey,
      ...options.sealWith,
    },
    timestamp: options.timestamp ?? String(nowSeconds()),
    nonce: String(randomBytes(4).readUInt32BE(0)),
    openid: options.openid ?? "oSomeone",
  });
  return { url: webhookUrl(serverUrl, accountId, sealed.query), query: sealed.query, body: sealed.body, credentials };
}

export function webhookUrl(serverUrl: string, accountId: string, query: Record<string, string>): string {
  return `${serverUrl}/api/wechat/${accountId}?${new URLSearchParams(query)}`;
}

/** POSTs a body and returns [status, text]. */
export async function post(url: string, body: string): Promise<[number, string]> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "text/xml" }, body });
  return [response.status, await response.text()];
}
