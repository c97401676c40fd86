// What a failed WeChat call means for a background job: try again (now, later, or after the
// quota resets) or give up with a message a marketer can act on.
import { AppError } from "@/lib/http/errors";
import {
  dailyQuotaErrcode,
  minuteQuotaErrcode,
  tagErrcodes,
  WechatApiError,
  WechatRequestInvalidError,
  WechatUnavailableError,
} from "@/lib/wechat/api-errors";
import type { JobOutcome } from "@/lib/jobs/job-types";
import { nextBeijingMidnight } from "@/lib/jobs/retry-schedule";

// Errors that say something about the account, the tag or the follower: retrying changes nothing.
const permanentErrcodes = new Set<number>([
  tagErrcodes.tooManyTags,
  tagErrcodes.nameTooLong,
  tagErrcodes.followerTagLimit,
  tagErrcodes.invalidOpenid,
  tagErrcodes.openidNotOfThisApp,
  tagErrcodes.openidListSize,
  40013, // unknown appid
  40125, // wrong secret
  48001, // not allowed for this account
]);

export function outcomeOfError(error: unknown, now = new Date()): Extract<JobOutcome, { status: "retry" | "failed" }> {
  if (error instanceof WechatApiError) {
    if (permanentErrcodes.has(error.errcode)) return { status: "failed", error: error.message };
    if (error.errcode === dailyQuotaErrcode)
      return { status: "retry", error: error.message, retryAt: nextBeijingMidnight(now) };
    if (error.errcode === minuteQuotaErrcode)
      return { status: "retry", error: error.message, retryAt: new Date(now.getTime() + 60_000) };
    return { status: "retry", error: error.message };
  }
  if (error instanceof WechatRequestInvalidError) return { status: "failed", error: error.message };
  if (error instanceof WechatUnavailableError) return { status: "retry", error: error.message };
  if (error instanceof AppError && error.code === "not_found") return { status: "failed", error: error.message };
  return { status: "retry", error: error instanceof Error ? error.message : String(error) };
}

/** The errors that concern single followers of a batch call, not the call as a whole. */
export function isPerFollowerError(error: unknown): boolean {
  return (
    error instanceof WechatApiError &&
    (error.errcode === tagErrcodes.followerTagLimit ||
      error.errcode === tagErrcodes.invalidOpenid ||
      error.errcode === tagErrcodes.openidNotOfThisApp)
  );
}
