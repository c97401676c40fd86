import { encryptMessage } from "@/lib/wechat/crypto";
import { computeSignature } from "@/lib/wechat/signature";
import { buildWechatXml } from "@/lib/wechat/xml";

/** WeChat's limit on a passive text reply's content, in UTF-8 bytes. Validate templates with it. */
export const maxReplyContentBytes = 2048;

/** A passive text reply; throws RangeError when the content is over the limit WeChat accepts. */
export function buildTextReply(input: {
  toUser: string;
  fromUser: string;
  content: string;
  createTime: number;
}): string {
  if (Buffer.byteLength(input.content, "utf8") > maxReplyContentBytes) {
    throw new RangeError(`A text reply holds at most ${maxReplyContentBytes} bytes`);
  }
  if (!Number.isSafeInteger(input.createTime) || input.createTime < 0) {
    throw new RangeError("createTime must be a whole number of seconds");
  }
  return buildWechatXml({
    ToUserName: input.toUser,
    FromUserName: input.fromUser,
    CreateTime: input.createTime,
    MsgType: "text",
    Content: input.content,
  });
}

/** The reply in safe or compatible mode: encrypted, signed over (token, TimeStamp, Nonce, Encrypt). */
export function buildEncryptedReply(input: {
  replyXml: string;
  token: string;
  encodingAESKey: string;
  appId: string;
  timestamp: string;
  nonce: string;
  random?: Buffer;
}): string {
  // TimeStamp is written bare, so it must read back as the very string that was signed.
  if (!/^(0|[1-9]\d{0,14})$/.test(input.timestamp)) {
    throw new RangeError("timestamp must be a whole number of seconds without leading zeros");
  }
  const encrypt = encryptMessage({
    message: input.replyXml,
    appId: input.appId,
    encodingAESKey: input.encodingAESKey,
    random: input.random,
  });
  return buildWechatXml({
    Encrypt: encrypt,
    MsgSignature: computeSignature([input.token, input.timestamp, input.nonce, encrypt]),
    TimeStamp: Number(input.timestamp),
    Nonce: input.nonce,
  });
}
