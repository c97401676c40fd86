import { WechatProtocolError } from "@/lib/wechat/errors";

/** The code of the WechatProtocolError that `run` throws; fails the test if it throws none. */
export function errorCodeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof WechatProtocolError) return error.code;
    throw error;
  }
  throw new Error("expected a WechatProtocolError, but nothing was thrown");
}
