// Realistic pushes for the load tool: each account has followers who follow through a code, follow
// organically, scan again and leave, in an order WeChat could produce. Every push is distinct
// (a follower's CreateTime only moves forward), so "stored exactly once" can be checked per push.
import { randomBytes } from "node:crypto";
import { normalizeEvent } from "@/lib/wechat/events";
import { buildWechatXml, parseWechatXml } from "@/lib/wechat/xml";
import { sealPush, type MessageMode } from "@/lib/wechat/push";

export interface LoadAccount {
  id: string;
  appId: string;
  originalId: string;
  token: string;
  encodingAESKey: string;
  mode: MessageMode;
  scenes: string[];
}

/** One push as sent: the query and body are fixed, so a retry is byte for byte the same. */
export interface SealedLoadPush {
  accountId: string;
  /** The event's key in Qudao's Event table: what a stored push must match. */
  occurredAtSeconds: number;
  dedupeKey: string;
  kind: PushKind;
  path: string;
  body: string;
}

export type PushKind = "code-follow" | "organic-follow" | "scan" | "unfollow";

interface Follower {
  openid: string;
  isFollowing: boolean;
  lastCreateTime: number;
}

// Shares of each kind of push in a campaign's traffic; an unfollow or scan needs a follower.
const kindWeights: [PushKind, number][] = [
  ["code-follow", 0.45],
  ["organic-follow", 0.05],
  ["scan", 0.35],
  ["unfollow", 0.15],
];

export class PushStream {
  private readonly followersByAccount = new Map<string, Follower[]>();

  constructor(private readonly accounts: LoadAccount[]) {
    for (const account of accounts) this.followersByAccount.set(account.id, []);
  }

  next(): SealedLoadPush {
    const account = pickOne(this.accounts);
    const followers = this.followersByAccount.get(account.id)!;
    const kind = pickKind();
    const following = followers.filter((follower) => follower.isFollowing);

    if ((kind === "scan" || kind === "unfollow") && following.length > 0) {
      const follower = pickOne(following);
      if (kind === "unfollow") follower.isFollowing = false;
      return seal(account, follower, kind === "scan" ? scanFields(account) : { Event: "unsubscribe" }, kind);
    }

    const follower = this.followerToSubscribe(followers);
    follower.isFollowing = true;
    const isOrganic = kind === "organic-follow";
    const fields: Record<string, string> = isOrganic
      ? { Event: "subscribe" }
      : { Event: "subscribe", EventKey: `qrscene_${pickScene(account)}` };
    return seal(account, follower, fields, isOrganic ? "organic-follow" : "code-follow");
  }

  /** Mostly new people; some who left come back. */
  private followerToSubscribe(followers: Follower[]): Follower {
    const gone = followers.filter((follower) => !follower.isFollowing);
    if (gone.length > 0 && Math.random() < 0.2) return pickOne(gone);
    const follower = { openid: `oLoad${randomBytes(12).toString("base64url")}`, isFollowing: false, lastCreateTime: 0 };
    followers.push(follower);
    return follower;
  }
}

/** A uniformly random item of a list that is not empty. */
function pickOne<T>(items: T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

function pickKind(): PushKind {
  let draw = Math.random();
  for (const [kind, weight] of kindWeights) {
    if (draw < weight) return kind;
    draw -= weight;
  }
  return "scan";
}

function pickScene(account: LoadAccount): string {
  return pickOne(account.scenes);
}

function scanFields(account: LoadAccount): Record<string, string> {
  return { Event: "SCAN", EventKey: pickScene(account) };
}

function seal(
  account: LoadAccount,
  follower: Follower,
  fields: Record<string, string>,
  kind: PushKind,
): SealedLoadPush {
  const createTime = Math.max(Math.floor(Date.now() / 1000), follower.lastCreateTime + 1);
  follower.lastCreateTime = createTime;
  const xml = buildWechatXml({
    ToUserName: account.originalId,
    FromUserName: follower.openid,
    CreateTime: createTime,
    MsgType: "event",
    ...fields,
  });
  const event = normalizeEvent(parseWechatXml(xml));
  const sealed = sealPush({
    xml,
    mode: account.mode,
    credentials: { token: account.token, appId: account.appId, encodingAESKey: account.encodingAESKey },
    timestamp: String(Math.floor(Date.now() / 1000)),
    nonce: String(randomBytes(4).readUInt32BE(0)),
    openid: follower.openid,
  });
  return {
    accountId: account.id,
    occurredAtSeconds: event.createTime,
    dedupeKey: event.dedupeKey,
    kind,
    path: `/api/wechat/${account.id}?${new URLSearchParams(sealed.query)}`,
    body: sealed.body,
  };
}
