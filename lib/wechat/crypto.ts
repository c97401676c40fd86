import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { WechatProtocolError } from "@/lib/wechat/errors";

// WeChat's message encryption: AES-256-CBC, IV = first 16 bytes of the key, PKCS#7 padding to
// 32-byte blocks (not AES's 16), plaintext = 16 random bytes ‖ uint32 BE length ‖ message ‖ appid.

const encodingAesKeyPattern = /^[A-Za-z0-9]{43}$/;
const base64Pattern = /^[A-Za-z0-9+/]+={0,2}$/;
const paddingBlockSize = 32;
const randomPrefixBytes = 16;
const lengthFieldBytes = 4;
// fatal: garbage from a wrong key or a corrupted ciphertext is reported, not turned into U+FFFD.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The 32-byte AES key; real keys have non-zero trailing bits, so decode leniently. */
export function decodeAesKey(encodingAESKey: string): Buffer {
  if (!encodingAesKeyPattern.test(encodingAESKey)) {
    throw new WechatProtocolError("bad_request", "EncodingAESKey must be 43 letters or digits");
  }
  return Buffer.from(`${encodingAESKey}=`, "base64");
}

export function encryptMessage(input: {
  message: string;
  appId: string;
  encodingAESKey: string;
  random?: Buffer;
}): string {
  const key = decodeAesKey(input.encodingAESKey);
  const random = input.random ?? randomBytes(randomPrefixBytes);
  if (random.length !== randomPrefixBytes) {
    throw new RangeError(`The random prefix must be ${randomPrefixBytes} bytes`);
  }
  const message = Buffer.from(input.message, "utf8");
  const length = Buffer.alloc(lengthFieldBytes);
  length.writeUInt32BE(message.length);
  const plaintext = addPadding(Buffer.concat([random, length, message, Buffer.from(input.appId, "utf8")]));

  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]).toString("base64");
}

export function decryptMessage(input: { encrypted: string; encodingAESKey: string; expectedAppId?: string }): {
  message: string;
  appId: string;
} {
  const key = decodeAesKey(input.encodingAESKey);
  if (input.encrypted.length % 4 !== 0 || !base64Pattern.test(input.encrypted)) {
    throw new WechatProtocolError("bad_encryption", "The encrypted message is not base64");
  }
  const ciphertext = Buffer.from(input.encrypted, "base64");
  if (ciphertext.length === 0 || ciphertext.length % 16 !== 0) {
    throw new WechatProtocolError("bad_encryption", "The ciphertext is not a whole number of AES blocks");
  }

  const decipher = createDecipheriv("aes-256-cbc", key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const content = removePadding(Buffer.concat([decipher.update(ciphertext), decipher.final()]));

  const messageStart = randomPrefixBytes + lengthFieldBytes;
  if (content.length < messageStart) {
    throw new WechatProtocolError("bad_encryption", "The plaintext is too short");
  }
  const messageEnd = messageStart + content.readUInt32BE(randomPrefixBytes);
  if (messageEnd > content.length) {
    throw new WechatProtocolError("bad_encryption", "The declared message length runs past the data");
  }
  const message = decodeUtf8(content.subarray(messageStart, messageEnd));
  const appId = decodeUtf8(content.subarray(messageEnd));
  if (input.expectedAppId !== undefined && appId !== input.expectedAppId) {
    throw new WechatProtocolError("appid_mismatch", "The message was encrypted for another appid");
  }
  return { message, appId };
}

function addPadding(data: Buffer): Buffer {
  const padLength = paddingBlockSize - (data.length % paddingBlockSize);
  return Buffer.concat([data, Buffer.alloc(padLength, padLength)]);
}

function removePadding(data: Buffer): Buffer {
  const padLength = data[data.length - 1] ?? 0;
  if (padLength < 1 || padLength > paddingBlockSize || padLength > data.length) {
    throw new WechatProtocolError("bad_encryption", "The padding byte is out of range");
  }
  // Every pad byte must carry the pad length; a wrong key rarely survives this check.
  if (data.subarray(data.length - padLength).some((byte) => byte !== padLength)) {
    throw new WechatProtocolError("bad_encryption", "The padding bytes are inconsistent");
  }
  return data.subarray(0, data.length - padLength);
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new WechatProtocolError("bad_encryption", "The decrypted text is not valid UTF-8");
  }
}
