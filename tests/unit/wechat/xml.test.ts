import { describe, expect, it } from "vitest";
import { buildWechatXml, parseWechatXml } from "@/lib/wechat/xml";
import { errorCodeOf } from "./protocol-error";
import { vectors } from "./vectors";

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<xml><Content>&lol9;</Content></xml>`;

describe("parseWechatXml", () => {
  it("reads the subscribe sample's fields, CDATA and bare text alike", () => {
    expect(parseWechatXml(vectors.events.subscribeViaQr ?? "")).toEqual({
      ToUserName: "gh_45072270791c",
      FromUserName: "o7Lp5t6n59DeX3U0C7Kric9qEx-Q",
      CreateTime: "1389684286",
      MsgType: "event",
      Event: "subscribe",
      EventKey: "qrscene_1000",
      Ticket: "gQHi8DoAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xL0UweTNxNi1sdlA3RklyRnNKbUFvAAIELdnUUgMEAAAAAA==",
    });
  });

  it("parses every event sample in the vectors to a field map with FromUserName", () => {
    for (const xml of Object.values(vectors.events)) {
      expect(parseWechatXml(xml).FromUserName).toMatch(/\S/);
    }
  });

  it("keeps CDATA exactly and trims whitespace only around bare text", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <xml>
        <Content><![CDATA[  two spaces, a line\nand <b>markup</b> &amp; ]]></Content>
        <CreateTime>
          1714112445
        </CreateTime>
        <Empty></Empty><SelfClosing/>
      </xml>`;
    expect(parseWechatXml(xml)).toEqual({
      Content: "  two spaces, a line\nand <b>markup</b> &amp; ",
      CreateTime: "1714112445",
      Empty: "",
      SelfClosing: "",
    });
  });

  it("keeps a nested element as its inner XML, which parses again", () => {
    const xml =
      "<xml><Event><![CDATA[scancode_push]]></Event><ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType>" +
      "<ScanResult><![CDATA[1]]></ScanResult></ScanCodeInfo></xml>";
    const fields = parseWechatXml(xml);
    expect(fields.ScanCodeInfo).toBe("<ScanType><![CDATA[qrcode]]></ScanType><ScanResult><![CDATA[1]]></ScanResult>");
    expect(parseWechatXml(`<xml>${fields.ScanCodeInfo}</xml>`)).toEqual({ ScanType: "qrcode", ScanResult: "1" });
  });

  it("expands no entity, not even the predefined ones, outside CDATA", () => {
    expect(parseWechatXml("<xml><A>a &amp; b &#60;</A></xml>").A).toBe("a &amp; b &#60;");
  });

  it("reads a DOCTYPE inside CDATA as text: a follower may send one", () => {
    const xml = "<xml><Content><![CDATA[<!DOCTYPE html><!ENTITY x 'y'>]]></Content></xml>";
    expect(parseWechatXml(xml).Content).toBe("<!DOCTYPE html><!ENTITY x 'y'>");
  });

  it.each([
    ["an XXE payload", `<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><a>&x;</a></xml>`],
    ["a billion-laughs payload", billionLaughs],
    ["a lower-case doctype", `<!doctype xml><xml><a>1</a></xml>`],
    ["plain text", "hello"],
    ["an empty body", ""],
    ["JSON", `{"ToUserName":"gh_1"}`],
    ["an unclosed root", "<xml><a>1</a>"],
    ["mismatched tags", "<xml><a>1</b></xml>"],
    ["another root", "<root><a>1</a></root>"],
    ["two roots", "<xml><a>1</a></xml><xml><a>2</a></xml>"],
    ["a field given twice", "<xml><a>1</a><a>2</a></xml>"],
    ["an unterminated CDATA", "<xml><a><![CDATA[1</a></xml>"],
    ["a prototype-polluting name", "<xml><__proto__>1</__proto__></xml>"],
  ])("refuses %s as malformed_xml", (_name, xml) => {
    expect(errorCodeOf(() => parseWechatXml(xml))).toBe("malformed_xml");
  });
});

describe("buildWechatXml", () => {
  it("writes strings in CDATA and numbers bare, in the given order", () => {
    expect(buildWechatXml({ ToUserName: "o1", CreateTime: 1714112445, MsgType: "text", Empty: "" })).toBe(
      "<xml><ToUserName><![CDATA[o1]]></ToUserName><CreateTime>1714112445</CreateTime>" +
        "<MsgType><![CDATA[text]]></MsgType><Empty><![CDATA[]]></Empty></xml>",
    );
  });

  it('splits a "]]>" inside a string across two CDATA sections', () => {
    expect(buildWechatXml({ Content: "a]]>b" })).toBe("<xml><Content><![CDATA[a]]]]><![CDATA[>b]]></Content></xml>");
  });

  it.each(["a]]>b", "]]>", "]]>]]>", "x]]]>y", "<![CDATA[inner]]>", "&amp; < > ' \"", " spaced\n", "中文 😀"])(
    "round-trips %j through parseWechatXml",
    (content) => {
      expect(parseWechatXml(buildWechatXml({ Content: content, CreateTime: 7 }))).toEqual({
        Content: content,
        CreateTime: "7",
      });
    },
  );

  it("refuses a field name that is not an XML name, and a number that is not finite", () => {
    expect(() => buildWechatXml({ "a b": "x" })).toThrow(RangeError);
    expect(() => buildWechatXml({ "<a>": "x" })).toThrow(RangeError);
    expect(() => buildWechatXml({ CreateTime: Number.NaN })).toThrow(RangeError);
  });
});
