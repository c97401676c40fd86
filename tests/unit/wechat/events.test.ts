import { describe, expect, it } from "vitest";
import { normalizeEvent, type WechatEventType } from "@/lib/wechat/events";
import { buildWechatXml, parseWechatXml } from "@/lib/wechat/xml";
import { errorCodeOf } from "./protocol-error";
import { vectors } from "./vectors";

// PROTOCOL.md §4, one row per sample in vectors.json.
const expectedBySample: Record<string, { type: WechatEventType; name: string; scene: string; hasTicket: boolean }> = {
  subscribeViaQr: { type: "subscribe", name: "subscribe", scene: "1000", hasTicket: true },
  scanWhileFollowing: { type: "scan", name: "scan", scene: "1000", hasTicket: true },
  plainSubscribe: { type: "subscribe", name: "subscribe", scene: "", hasTicket: false },
  unsubscribe: { type: "unsubscribe", name: "unsubscribe", scene: "", hasTicket: false },
};

const follower = "o7Lp5t6n59DeX3U0C7Kric9qEx-Q";

function eventFields(overrides: Record<string, string>): Record<string, string> {
  return {
    ToUserName: "gh_45072270791c",
    FromUserName: follower,
    CreateTime: "1389684286",
    MsgType: "event",
    ...overrides,
  };
}

describe("event samples", () => {
  it("has a sample for every row of the table", () => {
    expect(Object.keys(vectors.events)).toEqual(expect.arrayContaining(Object.keys(expectedBySample)));
  });

  it.each(Object.entries(vectors.events))("%s normalises from its own fields", (sampleName, xml) => {
    const fields = parseWechatXml(xml);
    const event = normalizeEvent(fields);
    const createTime = Number(fields.CreateTime);

    expect(event.openid).toBe(fields.FromUserName);
    expect(event.toUserName).toBe(fields.ToUserName);
    expect(event.createTime).toBe(createTime);
    expect(event.occurredAt.toISOString()).toBe(new Date(createTime * 1000).toISOString());
    expect(event.ticket).toBe(fields.Ticket ? fields.Ticket : null);
    expect(event.dedupeKey).toBe(`${fields.FromUserName}|${createTime}|${event.name}|${fields.EventKey ?? ""}`);

    const expected = expectedBySample[sampleName];
    if (expected) {
      expect({ type: event.type, name: event.name, scene: event.scene, hasTicket: event.ticket !== null }).toEqual(
        expected,
      );
    }
  });
});

describe("normalizeEvent", () => {
  it("gives the same dedupe key to a redelivered push and different keys to different events", () => {
    const subscribe = normalizeEvent(parseWechatXml(vectors.events.subscribeViaQr ?? ""));
    const again = normalizeEvent(parseWechatXml(vectors.events.subscribeViaQr ?? ""));
    const scan = normalizeEvent(parseWechatXml(vectors.events.scanWhileFollowing ?? ""));
    expect(again.dedupeKey).toBe(subscribe.dedupeKey);
    expect(scan.dedupeKey).not.toBe(subscribe.dedupeKey);
    expect(subscribe.dedupeKey).toBe(`${follower}|1389684286|subscribe|qrscene_1000`);
  });

  it.each([
    ["SUBSCRIBE", "qrscene_poster-a", "subscribe", "poster-a"],
    ["Subscribe", "qrscene_7", "subscribe", "7"],
    ["scan", "poster-a", "scan", "poster-a"],
    ["Scan", "42", "scan", "42"],
    ["UNSUBSCRIBE", "", "unsubscribe", ""],
  ])("reads Event %j with key %j as %s, scene %j", (eventName, eventKey, type, scene) => {
    const event = normalizeEvent(eventFields({ Event: eventName, EventKey: eventKey }));
    expect([event.type, event.name, event.scene]).toEqual([type, eventName.toLowerCase(), scene]);
  });

  it("keeps an integer scene as text, leading zeros and all", () => {
    expect(normalizeEvent(eventFields({ Event: "SCAN", EventKey: "007" })).scene).toBe("007");
  });

  it("counts a follow after payment (last_trade_no_…) as a follow with no channel", () => {
    const event = normalizeEvent(eventFields({ Event: "subscribe", EventKey: "last_trade_no_4200000123" }));
    expect([event.type, event.scene]).toEqual(["subscribe", ""]);
    expect(event.dedupeKey).toBe(`${follower}|1389684286|subscribe|last_trade_no_4200000123`);
  });

  it("treats a subscribe without EventKey as organic", () => {
    const event = normalizeEvent(eventFields({ Event: "subscribe" }));
    expect([event.type, event.scene, event.ticket]).toEqual(["subscribe", "", null]);
  });

  it("classes other events as other, with no scene", () => {
    const event = normalizeEvent(eventFields({ Event: "CLICK", EventKey: "menu_1" }));
    expect([event.type, event.name, event.scene]).toEqual(["other", "click", ""]);
    expect(event.dedupeKey).toBe(`${follower}|1389684286|click|menu_1`);
  });

  it("classes messages as other, deduplicated by MsgId", () => {
    const event = normalizeEvent(
      eventFields({ MsgType: "text", Content: "qrscene_1000", MsgId: "4363689963896700987" }),
    );
    expect([event.type, event.name, event.scene]).toEqual(["other", "msg:text", ""]);
    expect(event.dedupeKey).toBe("msg:4363689963896700987");
  });

  it("deduplicates a message without MsgId by its fields, whatever their order", () => {
    const fields = eventFields({ MsgType: "image", PicUrl: "https://example.com/a.jpg" });
    const reordered = Object.fromEntries(Object.entries(fields).reverse());
    const event = normalizeEvent(fields);
    expect(event.dedupeKey).toMatch(new RegExp(`^${follower}\\|1389684286\\|msg:image\\|[0-9a-f]{40}$`));
    expect(normalizeEvent(reordered).dedupeKey).toBe(event.dedupeKey);
    expect(normalizeEvent({ ...fields, PicUrl: "https://example.com/b.jpg" }).dedupeKey).not.toBe(event.dedupeKey);
  });

  it.each([
    ["FromUserName missing", { FromUserName: "" }],
    ["CreateTime missing", { CreateTime: "" }],
    ["MsgType missing", { MsgType: "" }],
    ["CreateTime not an integer", { CreateTime: "1389684286.5" }],
    ["CreateTime negative", { CreateTime: "-5" }],
    ["CreateTime in words", { CreateTime: "yesterday" }],
    ["Event missing from an event", { Event: "" }],
  ])("refuses a push with %s as malformed_xml", (_name, overrides) => {
    const fields = eventFields({ Event: "subscribe", ...overrides });
    expect(errorCodeOf(() => normalizeEvent(fields))).toBe("malformed_xml");
  });

  it("reads a push built by buildWechatXml the same as the original sample", () => {
    const fields = parseWechatXml(vectors.events.scanWhileFollowing ?? "");
    expect(normalizeEvent(parseWechatXml(buildWechatXml(fields)))).toEqual(normalizeEvent(fields));
  });
});
