import { describe, expect, it } from "vitest";
import { openEncryptedReply } from "@/lib/wechat/push";
import { buildEncryptedReply, buildTextReply, maxReplyContentBytes } from "@/lib/wechat/reply";
import { parseWechatXml } from "@/lib/wechat/xml";
import { vectors } from "./vectors";

describe("buildTextReply", () => {
  it("writes the passive reply WeChat expects", () => {
    const xml = buildTextReply({
      toUser: "o7Lp5t6n",
      fromUser: "gh_45072270791c",
      content: "欢迎 ]]> 关注",
      createTime: 1714112445,
    });
    expect(xml).toBe(
      "<xml><ToUserName><![CDATA[o7Lp5t6n]]></ToUserName><FromUserName><![CDATA[gh_45072270791c]]></FromUserName>" +
        "<CreateTime>1714112445</CreateTime><MsgType><![CDATA[text]]></MsgType>" +
        "<Content><![CDATA[欢迎 ]]]]><![CDATA[> 关注]]></Content></xml>",
    );
    expect(parseWechatXml(xml).Content).toBe("欢迎 ]]> 关注");
  });

  it("accepts content of exactly the byte limit and refuses one byte more", () => {
    const base = { toUser: "o1", fromUser: "gh_1", createTime: 1 };
    // 682 three-byte characters + 2 ASCII = 2048 bytes.
    const atLimit = `${"中".repeat(682)}ab`;
    expect(Buffer.byteLength(atLimit)).toBe(maxReplyContentBytes);
    expect(parseWechatXml(buildTextReply({ ...base, content: atLimit })).Content).toBe(atLimit);
    expect(() => buildTextReply({ ...base, content: `${atLimit}c` })).toThrow(RangeError);
  });
});

describe("buildEncryptedReply", () => {
  it.each(
    vectors.encrypt
      .filter((vector) => vector.token && vector.timestamp && vector.nonce && vector.msgSignature)
      .map((vector) => [vector.source, vector] as const),
  )("matches %s", (_source, vector) => {
    const xml = buildEncryptedReply({
      replyXml: vector.message,
      token: vector.token ?? "",
      encodingAESKey: vector.encodingAESKey,
      appId: vector.appId,
      timestamp: vector.timestamp ?? "",
      nonce: vector.nonce ?? "",
      random: Buffer.from(vector.random, "utf8"),
    });
    expect(xml).toBe(
      `<xml><Encrypt><![CDATA[${vector.encrypt}]]></Encrypt><MsgSignature><![CDATA[${vector.msgSignature}]]></MsgSignature>` +
        `<TimeStamp>${vector.timestamp}</TimeStamp><Nonce><![CDATA[${vector.nonce}]]></Nonce></xml>`,
    );
    const credentials = { token: vector.token ?? "", appId: vector.appId, encodingAESKey: vector.encodingAESKey };
    expect(openEncryptedReply({ body: xml, credentials })).toBe(vector.message);
  });

  it("refuses a timestamp that would not read back as signed", () => {
    const input = { replyXml: "<xml/>", token: "t", encodingAESKey: "A".repeat(43), appId: "wx1", nonce: "1" };
    expect(() => buildEncryptedReply({ ...input, timestamp: "0123" })).toThrow(RangeError);
    expect(() => buildEncryptedReply({ ...input, timestamp: "soon" })).toThrow(RangeError);
  });
});
