// Limits that keep hostile pushes out of the database: bounded fields and keys, characters XML
// forbids, and signed timestamps more than a day from the server's clock.
import { describe, expect, it } from "vitest";
import { normalizeEvent } from "@/lib/wechat/events";
import { maxTimestampSkewSeconds, openPush, sealPush, verifyEchoRequest } from "@/lib/wechat/push";
import { computeSignature } from "@/lib/wechat/signature";
import { parseWechatXml } from "@/lib/wechat/xml";
import { errorCodeOf } from "./protocol-error";

const base = {
  ToUserName: "gh_1",
  FromUserName: "o7Lp5t6n59DeX3U0C7Kric9qEx-Q",
  CreateTime: "1389684286",
  MsgType: "event",
  Event: "subscribe",
  EventKey: "qrscene_1",
};
const credentials = { token: "qudaotoken", appId: "wx1234567890abcdef", encodingAESKey: null };

describe("normalizeEvent bounds", () => {
  it("refuses openids over 128 characters, scenes over 64 and CreateTimes past 2106", () => {
    expect(errorCodeOf(() => normalizeEvent({ ...base, FromUserName: "o".repeat(129) }))).toBe("malformed_xml");
    expect(errorCodeOf(() => normalizeEvent({ ...base, EventKey: `qrscene_${"9".repeat(65)}` }))).toBe("malformed_xml");
    expect(errorCodeOf(() => normalizeEvent({ ...base, Event: "SCAN", EventKey: "9".repeat(65) }))).toBe(
      "malformed_xml",
    );
    expect(errorCodeOf(() => normalizeEvent({ ...base, CreateTime: "4294967296" }))).toBe("malformed_xml");
    expect(normalizeEvent({ ...base, EventKey: `qrscene_${"9".repeat(64)}` }).scene).toHaveLength(64);
  });

  it("keeps long keys of other events, as a digest that still tells pushes apart", () => {
    const long = normalizeEvent({ ...base, Event: "VIEW", EventKey: `https://example.com/${"a".repeat(500)}` });
    expect(long.dedupeKey).toMatch(/^sha1:[0-9a-f]{40}$/);
    expect(
      normalizeEvent({ ...base, Event: "VIEW", EventKey: `https://example.com/${"a".repeat(500)}` }).dedupeKey,
    ).toBe(long.dedupeKey);
    expect(
      normalizeEvent({ ...base, Event: "VIEW", EventKey: `https://example.com/${"b".repeat(500)}` }).dedupeKey,
    ).not.toBe(long.dedupeKey);
    expect(normalizeEvent({ ...base, MsgType: "text", MsgId: "9".repeat(300) }).dedupeKey).toMatch(/^sha1:/);
  });
});

describe("parseWechatXml", () => {
  it.each([
    ["NUL", "\u0000"],
    ["backspace", "\u0008"],
    ["U+001F", "\u001F"],
    ["U+FFFF", "\uFFFF"],
  ])("refuses a character XML forbids: %s", (_name, character) => {
    expect(errorCodeOf(() => parseWechatXml(`<xml><A><![CDATA[a${character}b]]></A></xml>`))).toBe("malformed_xml");
  });

  it("accepts tabs, newlines and any other Unicode", () => {
    expect(parseWechatXml("<xml><A><![CDATA[a\tb\n渠道😀]]></A></xml>")).toEqual({ A: "a\tb\n渠道😀" });
  });
});

describe("signed timestamps", () => {
  const xml = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName></xml>";
  const now = 1_760_000_000;
  const sealedAt = (timestamp: number) =>
    sealPush({ xml, mode: "plaintext", credentials, timestamp: String(timestamp), nonce: "1", openid: "o" });

  it("accepts a push signed up to a day before or after the server's clock", () => {
    for (const offset of [0, -maxTimestampSkewSeconds, maxTimestampSkewSeconds]) {
      expect(openPush({ ...sealedAt(now + offset), credentials, nowSeconds: now }).fields.ToUserName).toBe("gh_1");
    }
  });

  it("refuses one signed more than a day away as stale_timestamp, and a non-numeric one as bad_request", () => {
    expect(
      errorCodeOf(() => openPush({ ...sealedAt(now - maxTimestampSkewSeconds - 1), credentials, nowSeconds: now })),
    ).toBe("stale_timestamp");
    expect(
      errorCodeOf(() => openPush({ ...sealedAt(now + maxTimestampSkewSeconds + 1), credentials, nowSeconds: now })),
    ).toBe("stale_timestamp");
    const query = {
      signature: computeSignature([credentials.token, "12ab", "1"]),
      timestamp: "12ab",
      nonce: "1",
      echostr: "x",
    };
    expect(errorCodeOf(() => verifyEchoRequest(query, credentials, now))).toBe("bad_request");
  });
});
