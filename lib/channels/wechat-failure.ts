// What a failed WeChat call means for the person who asked for it.
import { AppError, type ErrorCode } from "@/lib/http/errors";
import { WechatApiError, WechatUnavailableError } from "@/lib/wechat/api-errors";

const errorCodeByErrcode: Record<number, ErrorCode> = {
  40053: "conflict",
  45029: "conflict",
  48001: "forbidden",
  45009: "rate_limited",
  45011: "rate_limited",
};

export function appErrorFromWechat(error: unknown): unknown {
  if (error instanceof WechatApiError) return new AppError(errorCodeByErrcode[error.errcode] ?? "upstream_error", error.message);
  if (error instanceof WechatUnavailableError) return new AppError("upstream_unavailable", error.message);
  return error;
}
