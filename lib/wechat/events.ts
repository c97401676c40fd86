import { createHash } from "node:crypto";
import { WechatProtocolError } from "@/lib/wechat/errors";

export type WechatEventType = "subscribe" | "scan" | "unsubscribe" | "other";

export interface NormalizedEvent {
  toUserName: string;
  openid: string;
  createTime: number;
  occurredAt: Date;
  type: WechatEventType;
  /** Lower-cased `Event` for events ("subscribe", "scan", "click"); "msg:<msgtype>" for messages. */
  name: string;
  /** The channel's scene without "qrscene_"; "" when the event carries none. */
  scene: string;
  ticket: string | null;
  /** Same value for every redelivery of the same push: WeChat retries up to three times. */
  dedupeKey: string;
}

const qrScenePrefix = "qrscene_";
// Real openids are 28 characters and scenes at most 64 (PROTOCOL.md §2); anything longer is not
// from WeChat, and would not fit the database's indexes either.
const maxOpenidLength = 128;
const maxSceneLength = 64;
// Keys longer than this are stored as a digest, so any push fits the unique index.
const maxPlainDedupeKeyLength = 200;
const maxCreateTime = 4_294_967_295;

/** Turns the fields of a decrypted push into what Qudao records. Names compare case-insensitively. */
export function normalizeEvent(fields: Record<string, string>): NormalizedEvent {
  const openid = requireField(fields, "FromUserName");
  if (openid.length > maxOpenidLength)
    throw new WechatProtocolError("malformed_xml", "FromUserName is too long to be an openid");
  const createTime = parseCreateTime(requireField(fields, "CreateTime"));
  const msgType = requireField(fields, "MsgType").toLowerCase();
  const common = {
    toUserName: fields.ToUserName ?? "",
    openid,
    createTime,
    occurredAt: new Date(createTime * 1000),
    ticket: fields.Ticket ? fields.Ticket : null,
  };

  if (msgType !== "event") {
    const name = `msg:${msgType}`;
    const dedupeKey = fields.MsgId ? `msg:${fields.MsgId}` : `${openid}|${createTime}|${name}|${hashFields(fields)}`;
    return { ...common, type: "other", name, scene: "", dedupeKey: boundedKey(dedupeKey) };
  }

  const name = requireField(fields, "Event").toLowerCase();
  const eventKey = fields.EventKey ?? "";
  const dedupeKey = `${openid}|${createTime}|${name}|${eventKey}`;
  const { type, scene } = classifyEvent(name, eventKey);
  if (scene.length > maxSceneLength)
    throw new WechatProtocolError("malformed_xml", `A QR scene is at most ${maxSceneLength} characters`);
  return { ...common, type, name, scene, dedupeKey: boundedKey(dedupeKey) };
}

function boundedKey(key: string): string {
  return key.length <= maxPlainDedupeKeyLength ? key : `sha1:${createHash("sha1").update(key).digest("hex")}`;
}

function classifyEvent(name: string, eventKey: string): { type: WechatEventType; scene: string } {
  switch (name) {
    case "subscribe":
      // Only a QR follow names a channel; an organic follow has no key and a follow after a
      // payment has a last_trade_no_… key.
      return {
        type: "subscribe",
        scene: eventKey.startsWith(qrScenePrefix) ? eventKey.slice(qrScenePrefix.length) : "",
      };
    case "scan":
      // The bare scene, kept as text even when it is an integer scene_id.
      return { type: "scan", scene: eventKey };
    case "unsubscribe":
      // Unfollows carry no scene: they are attributed through the follower's own record.
      return { type: "unsubscribe", scene: "" };
    default:
      return { type: "other", scene: "" };
  }
}

function requireField(fields: Record<string, string>, name: string): string {
  const value = fields[name];
  if (value === undefined || value === "") {
    throw new WechatProtocolError("malformed_xml", `The push lacks ${name}`);
  }
  return value;
}

function parseCreateTime(value: string): number {
  const createTime = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(createTime) || createTime > maxCreateTime) {
    throw new WechatProtocolError("malformed_xml", `CreateTime is not an integer: ${value}`);
  }
  return createTime;
}

/** A stable digest of a message without MsgId: key order must not change the key. */
function hashFields(fields: Record<string, string>): string {
  const sorted = Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("sha1").update(JSON.stringify(sorted)).digest("hex");
}
