// WeChat answers errors as {"errcode":N,"errmsg":"…"} with HTTP 200. These are the codes Qudao
// acts on, and a marketer-readable sentence for each one a person may see.

export const tokenInvalidErrcodes = new Set([40001, 40014, 42001, 41001]);
export const busyErrcode = -1;
/** Quotas: surfaced to the person or the job's schedule, never retried in a loop. */
export const dailyQuotaErrcode = 45009;
export const minuteQuotaErrcode = 45011;
/** Tags (PROTOCOL.md §5). */
export const tagErrcodes = {
  duplicateName: 45157,
  nameTooLong: 45158,
  tooManyTags: 45056,
  /** Unknown tag id: normal for a moment right after tags/create, or the tag was deleted in WeChat. */
  invalidTagId: 45159,
  /** One of the followers already has 20 tags. */
  followerTagLimit: 45059,
  invalidOpenid: 40003,
  openidNotOfThisApp: 49003,
  openidListSize: 40032,
} as const;

const messages: Record<number, string> = {
  [-1]: "WeChat is busy; try again in a moment",
  40001: "The access token was rejected; check the AppSecret",
  40003: "WeChat does not know this follower (they may have unfollowed)",
  40013: "WeChat does not know this AppID",
  40032: "Too many followers in one tagging call (at most 50)",
  40052: "WeChat rejected the QR code type",
  40053: "WeChat rejected the scene value (or the permanent code quota is used up)",
  40125: "The AppSecret is wrong",
  40164: "This server's IP address is not on the account's IP whitelist",
  45009: "The account's daily API quota is used up; it resets at midnight (Beijing time)",
  45011: "Too many API calls this minute; wait a minute and try again",
  45029: "The account has used all 100 000 permanent QR codes",
  45056:
    "The account already has 100 follower tags, WeChat's limit: delete unused tags in the WeChat admin, or reuse an existing tag name",
  45059: "The follower already has 20 tags, WeChat's limit: this tag was not added",
  45157: "A tag with this name already exists",
  45158: "The tag name is longer than WeChat's 30 bytes (10 Chinese characters)",
  45159: "WeChat does not know this tag yet (it was just created, or deleted in the WeChat admin)",
  48001: "This account may not create QR codes: only verified service accounts can",
  49003: "This follower belongs to another official account",
};

export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    // WeChat's own errmsg stays on the error for the logs and for parsing (40164's caller IP), but
    // is never the message: what a client sees is Qudao's words and the errcode.
    super(messages[errcode] ?? `WeChat refused the call (errcode ${errcode})`);
    this.name = "WechatApiError";
  }
}

/**
 * Thrown when WeChat (or the sandbox) cannot be reached or answers something that is not its JSON.
 * The message is Qudao's own (no address, no upstream text): the detail goes to the log only.
 */
export class WechatUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WechatUnavailableError";
  }
}

/** A request WeChat would refuse, caught before it is sent; `field` names what to fix. */
export class WechatRequestInvalidError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "WechatRequestInvalidError";
  }
}
