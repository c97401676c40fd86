import { createCipheriv } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decodeAesKey, encryptMessage } from "@/lib/wechat/crypto";
import {
  openEncryptedReply,
  openPush,
  sealPush,
  verifyEchoRequest,
  type MessageMode,
  type PushCredentials,
} from "@/lib/wechat/push";
import { buildEncryptedReply, buildTextReply } from "@/lib/wechat/reply";
import { computeSignature } from "@/lib/wechat/signature";
import { buildWechatXml, parseWechatXml } from "@/lib/wechat/xml";
import { errorCodeOf } from "./protocol-error";
import { vectors } from "./vectors";

const credentials: PushCredentials = {
  token: "qudaotoken",
  appId: "wx1234567890abcdef",
  encodingAESKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
};
const aesKey = credentials.encodingAESKey ?? "";
const timestamp = "1714112445";
const nonce = "415670741";
const openid = "o7Lp5t6n59DeX3U0C7Kric9qEx-Q";
const modes: MessageMode[] = ["plaintext", "compatible", "safe"];
const samples = Object.entries(vectors.events);
const subscribeXml = vectors.events.subscribeViaQr ?? "";

function seal(mode: MessageMode, xml = subscribeXml, sealedWith: PushCredentials = credentials) {
  return sealPush({ xml, mode, credentials: sealedWith, timestamp, nonce, openid });
}

/** An encrypted push whose Encrypt is exactly `encrypt`, correctly signed. */
function signedAesPush(encrypt: string) {
  const query = {
    signature: computeSignature([credentials.token, timestamp, nonce]),
    timestamp,
    nonce,
    openid,
    encrypt_type: "aes",
    msg_signature: computeSignature([credentials.token, timestamp, nonce, encrypt]),
  };
  return { query, body: buildWechatXml({ ToUserName: "gh_45072270791c", Encrypt: encrypt }), credentials };
}

describe("sealPush → openPush", () => {
  it.each(modes.flatMap((mode) => samples.map(([name, xml]) => [mode, name, xml] as const)))(
    "%s mode gives back the fields of %s",
    (mode, _name, xml) => {
      const sealed = seal(mode, xml);
      const opened = openPush({ ...sealed, credentials });
      expect(opened.fields).toEqual(parseWechatXml(xml));
      expect(opened.xml).toBe(xml);
      expect(opened.isEncrypted).toBe(mode !== "plaintext");
    },
  );

  it("sends a plaintext push as WeChat does", () => {
    const sealed = seal("plaintext");
    expect(sealed).toEqual({
      query: { signature: computeSignature([credentials.token, timestamp, nonce]), timestamp, nonce, openid },
      body: subscribeXml,
    });
  });

  it("sends a safe-mode push as ToUserName and Encrypt only, signed with msg_signature", () => {
    const sealed = seal("safe");
    const fields = parseWechatXml(sealed.body);
    expect(Object.keys(fields)).toEqual(["ToUserName", "Encrypt"]);
    expect(fields.ToUserName).toBe("gh_45072270791c");
    expect(sealed.query.encrypt_type).toBe("aes");
    expect(sealed.query.msg_signature).toBe(
      computeSignature([credentials.token, timestamp, nonce, fields.Encrypt ?? ""]),
    );
  });

  it("sends a compatible-mode push as the plaintext fields with Encrypt beside them", () => {
    const fields = parseWechatXml(seal("compatible").body);
    const { Encrypt: encrypt, ...plaintextFields } = fields;
    expect(plaintextFields).toEqual(parseWechatXml(subscribeXml));
    expect(encrypt).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it("trusts only the decrypted fields in compatible mode", () => {
    const sealed = seal("compatible");
    const forged = { ...sealed, body: sealed.body.replace("qrscene_1000", "qrscene_9999") };
    expect(forged.body).not.toBe(sealed.body);
    expect(openPush({ ...forged, credentials }).fields.EventKey).toBe("qrscene_1000");
  });

  it("opens a known-answer encrypted push from the vectors", () => {
    const xmlVectors = vectors.decrypt.filter(
      (vector) => vector.token && vector.msgSignature && vector.message.startsWith("<xml>"),
    );
    expect(xmlVectors.length).toBeGreaterThan(0);
    for (const vector of xmlVectors) {
      const token = vector.token ?? "";
      const vectorTimestamp = vector.timestamp ?? "";
      const vectorNonce = vector.nonce ?? "";
      const opened = openPush({
        query: {
          signature: computeSignature([token, vectorTimestamp, vectorNonce]),
          timestamp: vectorTimestamp,
          nonce: vectorNonce,
          encrypt_type: "aes",
          msg_signature: vector.msgSignature,
        },
        body: buildWechatXml({ ToUserName: "gh_1", Encrypt: vector.encrypt }),
        credentials: { token, appId: vector.appId, encodingAESKey: vector.encodingAESKey },
      });
      expect(opened).toEqual({ fields: parseWechatXml(vector.message), isEncrypted: true, xml: vector.message });
    }
  });
});

describe("openPush refuses", () => {
  it.each(modes)("a tampered signature in %s mode as bad_signature", (mode) => {
    const sealed = seal(mode);
    const query = { ...sealed.query, signature: computeSignature(["someone", "else"]) };
    expect(errorCodeOf(() => openPush({ query, body: sealed.body, credentials }))).toBe("bad_signature");
  });

  it.each(["compatible", "safe"] as const)("a tampered msg_signature in %s mode as bad_signature", (mode) => {
    const sealed = seal(mode);
    const query = { ...sealed.query, msg_signature: sealed.query.signature ?? "" };
    expect(errorCodeOf(() => openPush({ query, body: sealed.body, credentials }))).toBe("bad_signature");
  });

  it("a changed Encrypt byte as bad_signature, since msg_signature covers it", () => {
    const sealed = seal("safe");
    const encrypt = parseWechatXml(sealed.body).Encrypt ?? "";
    const changed = `${encrypt[0] === "A" ? "B" : "A"}${encrypt.slice(1)}`;
    const body = sealed.body.replace(encrypt, changed);
    expect(errorCodeOf(() => openPush({ query: sealed.query, body, credentials }))).toBe("bad_signature");
  });

  it("a push encrypted for another appid as appid_mismatch", () => {
    const sealed = seal("safe", subscribeXml, { ...credentials, appId: "wxanotheraccount01" });
    expect(errorCodeOf(() => openPush({ ...sealed, credentials }))).toBe("appid_mismatch");
  });

  it.each([0, 33])("a signed ciphertext whose last pad byte is %i as bad_encryption", (padByte) => {
    const key = decodeAesKey(aesKey);
    const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16));
    cipher.setAutoPadding(false);
    const plaintext = Buffer.concat([Buffer.alloc(63, 5), Buffer.from([padByte])]);
    const encrypt = Buffer.concat([cipher.update(plaintext), cipher.final()]).toString("base64");
    expect(errorCodeOf(() => openPush(signedAesPush(encrypt)))).toBe("bad_encryption");
  });

  it("a signed Encrypt that is not base64 as bad_encryption", () => {
    expect(errorCodeOf(() => openPush(signedAesPush("not*base64")))).toBe("bad_encryption");
  });

  it("a decrypted message that is not XML as malformed_xml", () => {
    const encrypt = encryptMessage({
      message: '{"MsgType":"event"}',
      appId: credentials.appId,
      encodingAESKey: aesKey,
    });
    expect(errorCodeOf(() => openPush(signedAesPush(encrypt)))).toBe("malformed_xml");
  });

  it.each(["signature", "timestamp", "nonce"] as const)("a query without %s as bad_request", (param) => {
    const sealed = seal("plaintext");
    const query = { ...sealed.query, [param]: undefined };
    expect(errorCodeOf(() => openPush({ query, body: sealed.body, credentials }))).toBe("bad_request");
  });

  it("an encrypted push without msg_signature, with an unknown encrypt_type, or to an account without a key as bad_request", () => {
    const sealed = seal("safe");
    const withoutMsgSignature = { ...sealed.query, msg_signature: undefined };
    expect(errorCodeOf(() => openPush({ query: withoutMsgSignature, body: sealed.body, credentials }))).toBe(
      "bad_request",
    );
    const unknownType = { ...sealed.query, encrypt_type: "rsa" };
    expect(errorCodeOf(() => openPush({ query: unknownType, body: sealed.body, credentials }))).toBe("bad_request");
    const withoutKey = { ...credentials, encodingAESKey: null };
    expect(errorCodeOf(() => openPush({ ...sealed, credentials: withoutKey }))).toBe("bad_request");
  });

  it("an encrypted push without Encrypt, and a plaintext body that is not XML, as malformed_xml", () => {
    const sealed = seal("safe");
    const body = buildWechatXml({ ToUserName: "gh_45072270791c" });
    expect(errorCodeOf(() => openPush({ query: sealed.query, body, credentials }))).toBe("malformed_xml");
    const plaintext = seal("plaintext");
    expect(errorCodeOf(() => openPush({ query: plaintext.query, body: "not xml", credentials }))).toBe("malformed_xml");
  });

  it('reads encrypt_type "raw" as plaintext', () => {
    const sealed = seal("plaintext");
    const opened = openPush({ query: { ...sealed.query, encrypt_type: "raw" }, body: sealed.body, credentials });
    expect([opened.isEncrypted, opened.fields.EventKey]).toEqual([false, "qrscene_1000"]);
  });
});

describe("verifyEchoRequest", () => {
  const echoVectors = vectors.signature.flatMap((vector) => ("echostr" in vector && vector.echostr ? [vector] : []));

  it.each(echoVectors.map((vector) => [vector.source, vector] as const))(
    "answers the echostr of %s",
    (_source, vector) => {
      const query = {
        signature: vector.signature,
        timestamp: vector.timestamp,
        nonce: vector.nonce,
        echostr: vector.echostr,
      };
      const echoCredentials = { token: vector.token, appId: "wx1", encodingAESKey: null };
      expect(verifyEchoRequest(query, echoCredentials)).toBe(vector.echostr);
      expect(errorCodeOf(() => verifyEchoRequest(query, { ...echoCredentials, token: "other" }))).toBe("bad_signature");
    },
  );

  it("refuses a request without echostr or signature as bad_request", () => {
    const signature = computeSignature([credentials.token, timestamp, nonce]);
    expect(errorCodeOf(() => verifyEchoRequest({ signature, timestamp, nonce }, credentials))).toBe("bad_request");
    expect(errorCodeOf(() => verifyEchoRequest({ timestamp, nonce, echostr: "1" }, credentials))).toBe("bad_request");
  });
});

describe("openEncryptedReply", () => {
  const replyXml = buildTextReply({
    toUser: openid,
    fromUser: "gh_45072270791c",
    content: "欢迎",
    createTime: 1714112445,
  });
  const encryptedReply = buildEncryptedReply({
    replyXml,
    token: credentials.token,
    encodingAESKey: aesKey,
    appId: credentials.appId,
    timestamp,
    nonce,
  });

  it("gives back the reply XML", () => {
    expect(openEncryptedReply({ body: encryptedReply, credentials })).toBe(replyXml);
  });

  it('passes "success" and an empty body through, since WeChat never encrypts them', () => {
    expect(openEncryptedReply({ body: "success", credentials })).toBe("success");
    expect(openEncryptedReply({ body: "", credentials })).toBe("");
  });

  it("refuses a reply signed with another token as bad_signature", () => {
    expect(
      errorCodeOf(() => openEncryptedReply({ body: encryptedReply, credentials: { ...credentials, token: "other" } })),
    ).toBe("bad_signature");
  });

  it("refuses a reply for another appid as appid_mismatch", () => {
    expect(
      errorCodeOf(() =>
        openEncryptedReply({ body: encryptedReply, credentials: { ...credentials, appId: "wxother" } }),
      ),
    ).toBe("appid_mismatch");
  });

  it("refuses a reply without MsgSignature as malformed_xml", () => {
    const fields = parseWechatXml(encryptedReply);
    const body = buildWechatXml({ Encrypt: fields.Encrypt ?? "", TimeStamp: Number(timestamp), Nonce: nonce });
    expect(errorCodeOf(() => openEncryptedReply({ body, credentials }))).toBe("malformed_xml");
  });
});
