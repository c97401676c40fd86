import { createCipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeAesKey, decryptMessage, encryptMessage } from "@/lib/wechat/crypto";
import { computeSignature } from "@/lib/wechat/signature";
import { errorCodeOf } from "./protocol-error";
import { messageSignatureParts, vectors } from "./vectors";

const key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const appId = "wxb11529c136998cb6";

/** Encrypts raw plaintext bytes the way WeChat does, so a test can craft any padding. */
function encryptRawPlaintext(plaintext: Buffer, encodingAESKey = key): string {
  const aesKey = decodeAesKey(encodingAESKey);
  const cipher = createCipheriv("aes-256-cbc", aesKey, aesKey.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]).toString("base64");
}

/** 16 random + 4 length + "hello" + an 18-byte appid = 43 bytes; 21 bytes of padding reach 64. */
function plaintextWithPadding(padding: Buffer, declaredLength = 5): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(declaredLength);
  return Buffer.concat([Buffer.alloc(16, 7), length, Buffer.from("hello"), Buffer.from(appId), padding]);
}

describe("decrypt vectors", () => {
  it.each(vectors.decrypt.map((vector) => [vector.source, vector] as const))("%s", (_source, vector) => {
    const decrypted = decryptMessage({
      encrypted: vector.encrypt,
      encodingAESKey: vector.encodingAESKey,
      expectedAppId: vector.appId,
    });
    expect(decrypted).toEqual({ message: vector.message, appId: vector.appId });
    const parts = messageSignatureParts(vector);
    if (parts) expect(computeSignature(parts)).toBe(vector.msgSignature);
  });
});

describe("encrypt vectors", () => {
  it.each(vectors.encrypt.map((vector) => [vector.source, vector] as const))("%s", (_source, vector) => {
    const encrypted = encryptMessage({
      message: vector.message,
      appId: vector.appId,
      encodingAESKey: vector.encodingAESKey,
      random: Buffer.from(vector.random, "utf8"),
    });
    expect(encrypted).toBe(vector.encrypt);
    const parts = messageSignatureParts(vector);
    if (parts) expect(computeSignature(parts)).toBe(vector.msgSignature);
    expect(decryptMessage({ encrypted, encodingAESKey: vector.encodingAESKey }).message).toBe(vector.message);
  });
});

describe("decodeAesKey", () => {
  it("decodes 43 characters to 32 bytes, tolerating non-zero trailing bits", () => {
    expect(decodeAesKey("A".repeat(43))).toEqual(Buffer.alloc(32));
    expect(decodeAesKey(key)).toHaveLength(32);
    expect(decodeAesKey("kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR")).toHaveLength(32);
  });

  it.each(["A".repeat(42), "A".repeat(44), `${"A".repeat(42)}+`, `${"A".repeat(42)}=`, ""])(
    "refuses %j as bad_request",
    (encodingAESKey) => {
      expect(errorCodeOf(() => decodeAesKey(encodingAESKey))).toBe("bad_request");
    },
  );
});

describe("encryptMessage and decryptMessage", () => {
  it("round-trips Unicode and returns the appid", () => {
    const message = "<xml><Content><![CDATA[你好 👋]]></Content></xml>";
    const encrypted = encryptMessage({ message, appId, encodingAESKey: key });
    expect(decryptMessage({ encrypted, encodingAESKey: key, expectedAppId: appId })).toEqual({ message, appId });
  });

  it("uses a fresh random prefix when none is given", () => {
    const first = encryptMessage({ message: "same", appId, encodingAESKey: key });
    const second = encryptMessage({ message: "same", appId, encodingAESKey: key });
    expect(first).not.toBe(second);
  });

  it("pads to 32-byte blocks, a whole block when already aligned", () => {
    // 16 random + 4 length + 12 message + 0 appid = 32 bytes: a full block of padding follows.
    const encrypted = encryptMessage({ message: "x".repeat(12), appId: "", encodingAESKey: key });
    expect(Buffer.from(encrypted, "base64")).toHaveLength(64);
  });

  it("refuses another account's message as appid_mismatch", () => {
    const encrypted = encryptMessage({ message: "hi", appId: "wxotheraccount00000", encodingAESKey: key });
    expect(errorCodeOf(() => decryptMessage({ encrypted, encodingAESKey: key, expectedAppId: appId }))).toBe(
      "appid_mismatch",
    );
  });

  it("reads a crafted plaintext with correct padding, so the cases below fail for their padding", () => {
    const encrypted = encryptRawPlaintext(plaintextWithPadding(Buffer.alloc(21, 21)));
    expect(decryptMessage({ encrypted, encodingAESKey: key, expectedAppId: appId })).toEqual({
      message: "hello",
      appId,
    });
  });

  it.each([
    ["a last byte of 0", Buffer.alloc(21, 0)],
    ["a last byte of 33", Buffer.alloc(21, 33)],
    ["pad bytes that disagree", Buffer.concat([Buffer.alloc(20, 1), Buffer.from([21])])],
  ])("refuses padding with %s as bad_encryption", (_name, padding) => {
    const encrypted = encryptRawPlaintext(plaintextWithPadding(padding));
    expect(errorCodeOf(() => decryptMessage({ encrypted, encodingAESKey: key }))).toBe("bad_encryption");
  });

  it("refuses a declared length that runs past the data", () => {
    const encrypted = encryptRawPlaintext(plaintextWithPadding(Buffer.alloc(21, 21), 1000));
    expect(errorCodeOf(() => decryptMessage({ encrypted, encodingAESKey: key }))).toBe("bad_encryption");
  });

  it.each([
    ["not base64", "not base64!"],
    ["not a multiple of 16 bytes", Buffer.alloc(20).toString("base64")],
    ["empty", ""],
  ])("refuses a ciphertext that is %s as bad_encryption", (_name, encrypted) => {
    expect(errorCodeOf(() => decryptMessage({ encrypted, encodingAESKey: key }))).toBe("bad_encryption");
  });

  it("refuses a ciphertext with a flipped byte", () => {
    const encrypted = encryptMessage({ message: "hello world", appId, encodingAESKey: key });
    const bytes = Buffer.from(encrypted, "base64");
    // In CBC this flips the top byte of the length field in the next block: a length far past the data.
    bytes[0] = (bytes[0] ?? 0) ^ 0x80;
    const tampered = bytes.toString("base64");
    expect(errorCodeOf(() => decryptMessage({ encrypted: tampered, encodingAESKey: key, expectedAppId: appId }))).toBe(
      "bad_encryption",
    );
  });

  it("refuses a message under the wrong key", () => {
    const encrypted = encryptMessage({
      message: "hello world",
      appId,
      encodingAESKey: key,
      random: Buffer.alloc(16, 1),
    });
    const otherKey = "A".repeat(43);
    expect(errorCodeOf(() => decryptMessage({ encrypted, encodingAESKey: otherKey, expectedAppId: appId }))).toBe(
      "bad_encryption",
    );
  });

  it("refuses a random prefix that is not 16 bytes", () => {
    expect(() => encryptMessage({ message: "x", appId, encodingAESKey: key, random: Buffer.alloc(15) })).toThrow(
      RangeError,
    );
  });
});
