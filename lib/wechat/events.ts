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

/** Turns the fields of a decrypted push into what Qudao records. Names compare case-insensitively. */
export function normalizeEvent(fields: Record<string, string>): NormalizedEvent {
  const openid = requireField(fields, "FromUserName");
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
    const dedupeKey = fields.MsgId
      ? `msg:${fields.MsgId}`
      : `${openid}|${createTime}|${name}|${hashFields(fields)}`;
    return { ...common, type: "other", name, scene: "", dedupeKey };
  }

  const name = requireField(fields, "Event").toLowerCase();
  const eventKey = fields.EventKey ?? "";
  const dedupeKey = `${openid}|${createTime}|${name}|${eventKey}`;
  const { type, scene } = classifyEvent(name, eventKey);
  return { ...common, type, name, scene, dedupeKey };
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
  if (!Number.isSafeInteger(createTime)) {
    throw new WechatProtocolError("malformed_xml", `CreateTime is not an integer: ${value}`);
  }
  return createTime;
}

/** A stable digest of a message without MsgId: key order must not change the key. */
function hashFields(fields: Record<string, string>): string {
  const sorted = Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash("sha1").update(JSON.stringify(sorted)).digest("hex");
}
