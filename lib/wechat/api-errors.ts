// WeChat answers errors as {"errcode":N,"errmsg":"…"} with HTTP 200. These are the codes Qudao
// acts on, and a marketer-readable sentence for each one a person may see.

export const tokenInvalidErrcodes = new Set([40001, 40014, 42001, 41001]);
export const busyErrcode = -1;

const messages: Record<number, string> = {
  [-1]: "WeChat is busy; try again in a moment",
  40001: "The access token was rejected; check the AppSecret",
  40013: "WeChat does not know this AppID",
  40125: "The AppSecret is wrong",
  40164: "This server's IP address is not on the account's IP whitelist",
  40052: "WeChat rejected the QR code type",
  40053: "WeChat rejected the scene value (or the permanent code quota is used up)",
  45009: "The account's daily API quota is used up; it resets at midnight (Beijing time)",
  45011: "Too many API calls this minute; wait a minute and try again",
  45029: "The account has used all 100 000 permanent QR codes",
  48001: "This account may not create QR codes: only verified service accounts can",
};

export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(messages[errcode] ?? `WeChat error ${errcode}: ${errmsg}`);
    this.name = "WechatApiError";
  }
}

/** Thrown when WeChat (or the sandbox) cannot be reached or answers something that is not its JSON. */
export class WechatUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WechatUnavailableError";
  }
}
