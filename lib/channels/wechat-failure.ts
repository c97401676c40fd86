// What a failed WeChat call means for the person who asked for it: the status says what kind
// of problem it is, the message (from lib/wechat/api-errors.ts) says what to do about it.
import { AppError, type ErrorCode } from "@/lib/http/errors";
import { WechatApiError, WechatRequestInvalidError, WechatUnavailableError } from "@/lib/wechat/api-errors";

const errorCodeByErrcode: Record<number, ErrorCode> = {
  // Permanent quota used up (45029; some SDKs report it as 40053) or a scene WeChat refuses.
  40053: "conflict",
  45029: "conflict",
  // Only verified service accounts may create codes: nothing the caller can retry.
  48001: "forbidden",
  45009: "rate_limited",
  45011: "rate_limited",
  45056: "conflict",
  45157: "conflict",
  45158: "validation_failed",
  40164: "upstream_error",
};

// Fields of a QR request live under "qr" in the channel input.
const issuePathByField: Record<string, (string | number)[]> = {
  scene: ["qr", "scene"],
  expiresInSeconds: ["qr", "expiresInSeconds"],
};

export function appErrorFromWechat(error: unknown): unknown {
  if (error instanceof WechatApiError)
    return new AppError(errorCodeByErrcode[error.errcode] ?? "upstream_error", error.message);
  if (error instanceof WechatUnavailableError) return new AppError("upstream_unavailable", error.message);
  if (error instanceof WechatRequestInvalidError) {
    return new AppError("validation_failed", error.message, [
      { path: issuePathByField[error.field] ?? [error.field], message: error.message },
    ]);
  }
  return error;
}
