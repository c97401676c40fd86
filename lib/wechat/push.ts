import { decryptMessage, encryptMessage } from "@/lib/wechat/crypto";
import { WechatProtocolError } from "@/lib/wechat/errors";
import { computeSignature, isSignatureValid } from "@/lib/wechat/signature";
import { buildWechatXml, parseWechatXml } from "@/lib/wechat/xml";

// Both directions of a push: the webhook opens what WeChat sends, the sandbox seals what it
// emulates. Keeping them side by side is what makes the sandbox behave like the platform.

export type MessageMode = "plaintext" | "compatible" | "safe";

export interface PushCredentials {
  token: string;
  appId: string;
  encodingAESKey: string | null;
}

export interface PushQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  openid?: string;
  encrypt_type?: string;
  msg_signature?: string;
  echostr?: string;
}

/**
 * How far a signed timestamp may be from the server's clock. WeChat signs with the current time
 * and its retries reuse the first timestamp within seconds; a day tolerates any sane clock and
 * retry while a captured signature stops working after a day. (Plaintext mode signs only the
 * query, not the body: a captured query could otherwise carry any body forever.)
 */
export const maxTimestampSkewSeconds = 86_400;

/**
 * Runs a protocol check with the current credentials and, during a Token / EncodingAESKey
 * rotation, again with the previous ones when the current fail: WeChat may still sign with either.
 */
export function withCurrentOrPrevious<T>(
  current: PushCredentials,
  previous: PushCredentials | null,
  check: (credentials: PushCredentials) => T,
): { result: T; usedPrevious: boolean } {
  try {
    return { result: check(current), usedPrevious: false };
  } catch (error) {
    if (!previous || !(error instanceof WechatProtocolError)) throw error;
    return { result: check(previous), usedPrevious: true };
  }
}

/** The server-URL check (GET): returns `echostr` to answer verbatim when the signature holds. */
export function verifyEchoRequest(query: PushQuery, credentials: PushCredentials, nowSeconds?: number): string {
  const { signature, timestamp, nonce } = requireSignedQuery(query, nowSeconds);
  const echostr = requireParam(query.echostr, "echostr");
  assertSignature(signature, [credentials.token, timestamp, nonce], "signature");
  return echostr;
}

/** Verifies and, in compatible or safe mode, decrypts a push (POST). */
export function openPush(input: {
  query: PushQuery;
  body: string;
  credentials: PushCredentials;
  nowSeconds?: number;
}): {
  fields: Record<string, string>;
  isEncrypted: boolean;
  xml: string;
} {
  const { query, body, credentials } = input;
  const { signature, timestamp, nonce } = requireSignedQuery(query, input.nowSeconds);
  assertSignature(signature, [credentials.token, timestamp, nonce], "signature");

  const encryptType = query.encrypt_type ?? "raw";
  if (encryptType === "raw") {
    return { fields: parseWechatXml(body), isEncrypted: false, xml: body };
  }
  if (encryptType !== "aes") {
    throw new WechatProtocolError("bad_request", `Unknown encrypt_type: ${encryptType}`);
  }

  const msgSignature = requireParam(query.msg_signature, "msg_signature");
  const encodingAESKey = requireAesKey(credentials);
  const encrypt = requireXmlField(parseWechatXml(body), "Encrypt");
  assertSignature(msgSignature, [credentials.token, timestamp, nonce, encrypt], "msg_signature");
  // In compatible mode the plaintext fields beside <Encrypt> are unsigned: only the decrypted
  // ones are trusted.
  const { message } = decryptMessage({ encrypted: encrypt, encodingAESKey, expectedAppId: credentials.appId });
  return { fields: parseWechatXml(message), isEncrypted: true, xml: message };
}

/** What WeChat sends for `xml` in the given mode: the query string and the body. */
export function sealPush(input: {
  xml: string;
  mode: MessageMode;
  credentials: PushCredentials;
  timestamp: string;
  nonce: string;
  openid: string;
  random?: Buffer;
}): { query: Record<string, string>; body: string } {
  const { xml, mode, credentials, timestamp, nonce, openid } = input;
  const fields = parseWechatXml(xml);
  const query: Record<string, string> = {
    signature: computeSignature([credentials.token, timestamp, nonce]),
    timestamp,
    nonce,
    openid,
  };
  if (mode === "plaintext") return { query, body: xml };

  const encrypt = encryptMessage({
    message: xml,
    appId: credentials.appId,
    encodingAESKey: requireAesKey(credentials),
    random: input.random,
  });
  query.encrypt_type = "aes";
  query.msg_signature = computeSignature([credentials.token, timestamp, nonce, encrypt]);
  if (mode === "safe") {
    return { query, body: buildWechatXml({ ToUserName: requireXmlField(fields, "ToUserName"), Encrypt: encrypt }) };
  }
  // Compatible mode: the plaintext body as it is, with <Encrypt> appended as its last field.
  // Base64 never contains "]]>", so the CDATA needs no splitting.
  const closingTagAt = xml.lastIndexOf("</xml>");
  if (closingTagAt === -1) throw new WechatProtocolError("malformed_xml", "The XML has no </xml> to append to");
  const encryptField = `<Encrypt><![CDATA[${encrypt}]]></Encrypt>`;
  return { query, body: `${xml.slice(0, closingTagAt)}${encryptField}${xml.slice(closingTagAt)}` };
}

/**
 * For the sandbox and tests: verifies MsgSignature and decrypts an encrypted reply, returning
 * the reply XML. "success" and an empty body are never encrypted, so they come back as they are.
 */
export function openEncryptedReply(input: { body: string; credentials: PushCredentials }): string {
  const { body, credentials } = input;
  if (body.trim() === "" || body === "success") return body;
  const fields = parseWechatXml(body);
  const encrypt = requireXmlField(fields, "Encrypt");
  const signedParts = [
    credentials.token,
    requireXmlField(fields, "TimeStamp"),
    requireXmlField(fields, "Nonce"),
    encrypt,
  ];
  assertSignature(requireXmlField(fields, "MsgSignature"), signedParts, "MsgSignature");
  return decryptMessage({
    encrypted: encrypt,
    encodingAESKey: requireAesKey(credentials),
    expectedAppId: credentials.appId,
  }).message;
}

/** The signed parameters; with `nowSeconds`, the timestamp must also be within a day of it. */
function requireSignedQuery(
  query: PushQuery,
  nowSeconds?: number,
): { signature: string; timestamp: string; nonce: string } {
  const signed = {
    signature: requireParam(query.signature, "signature"),
    timestamp: requireParam(query.timestamp, "timestamp"),
    nonce: requireParam(query.nonce, "nonce"),
  };
  if (!/^\d{1,12}$/.test(signed.timestamp))
    throw new WechatProtocolError("bad_request", "timestamp is not a whole number of seconds");
  if (nowSeconds !== undefined && Math.abs(Number(signed.timestamp) - nowSeconds) > maxTimestampSkewSeconds) {
    throw new WechatProtocolError(
      "stale_timestamp",
      "timestamp is more than a day away from this server's clock (check the clock if this is real)",
    );
  }
  return signed;
}

function requireParam(value: string | undefined, name: string): string {
  if (value === undefined || value === "") {
    throw new WechatProtocolError("bad_request", `The query lacks ${name}`);
  }
  return value;
}

function requireXmlField(fields: Record<string, string>, name: string): string {
  const value = fields[name];
  if (value === undefined || value === "") {
    throw new WechatProtocolError("malformed_xml", `The XML lacks ${name}`);
  }
  return value;
}

function requireAesKey(credentials: PushCredentials): string {
  if (!credentials.encodingAESKey) {
    throw new WechatProtocolError("bad_request", "The account has no EncodingAESKey for an encrypted message");
  }
  return credentials.encodingAESKey;
}

function assertSignature(signature: string, parts: string[], name: string): void {
  if (!isSignatureValid(signature, parts)) {
    throw new WechatProtocolError("bad_signature", `${name} does not match`);
  }
}
