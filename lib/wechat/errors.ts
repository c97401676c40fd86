// The one error type of the WeChat protocol core. The webhook maps `code` to a response; the
// core itself never knows about HTTP.

export type WechatProtocolErrorCode =
  /** Missing or malformed query parameters or credentials. */
  | "bad_request"
  /** `signature` or `msg_signature` does not hold. */
  | "bad_signature"
  /** The signed timestamp is far from the server's clock: a captured request replayed later. */
  | "stale_timestamp"
  /** The body is not parseable XML or lacks a required field. */
  | "malformed_xml"
  /** Base64, length or padding of an encrypted message is wrong. */
  | "bad_encryption"
  /** The decrypted message names another account's appid. */
  | "appid_mismatch";

export class WechatProtocolError extends Error {
  constructor(
    readonly code: WechatProtocolErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WechatProtocolError";
  }
}
