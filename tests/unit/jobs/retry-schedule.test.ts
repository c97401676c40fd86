// When background work runs again, and what a WeChat error means for it.
import { describe, expect, it } from "vitest";
import { backoffDelayMs, maxJobAttempts, nextBeijingMidnight, nextRunAt } from "@/lib/jobs/retry-schedule";
import { outcomeOfError } from "@/lib/jobs/wechat-outcome";
import { WechatApiError, WechatUnavailableError } from "@/lib/wechat/api-errors";

describe("retry schedule", () => {
  it("backs off 2 s, 6 s, 18 s … up to an hour, and stops after the last attempt", () => {
    expect([1, 2, 3, 4].map(backoffDelayMs)).toEqual([2_000, 6_000, 18_000, 54_000]);
    expect(backoffDelayMs(20)).toBe(3_600_000);
    const now = new Date("2026-04-12T10:00:00Z");
    expect(nextRunAt({ status: "retry", error: "x" }, 1, now)?.toISOString()).toBe("2026-04-12T10:00:02.000Z");
    expect(nextRunAt({ status: "retry", error: "x" }, maxJobAttempts, now)).toBeNull();
  });

  it("waits for midnight in Beijing (16:00 UTC) for the daily quota", () => {
    expect(nextBeijingMidnight(new Date("2026-04-12T10:00:00Z")).toISOString()).toBe("2026-04-12T16:01:00.000Z");
    expect(nextBeijingMidnight(new Date("2026-04-12T17:00:00Z")).toISOString()).toBe("2026-04-13T16:01:00.000Z");
  });
});

describe("outcomeOfError", () => {
  const now = new Date("2026-04-12T10:00:00Z");
  it.each([45056, 45059, 45158, 40003, 49003, 48001])("gives up on %i: retrying changes nothing", (errcode) => {
    expect(outcomeOfError(new WechatApiError(errcode, ""), now).status).toBe("failed");
  });

  it("retries busy, unknown tag ids, token trouble and an unreachable WeChat with backoff", () => {
    for (const error of [
      new WechatApiError(-1, ""),
      new WechatApiError(45159, ""),
      new WechatApiError(40001, ""),
      new WechatUnavailableError("down"),
    ]) {
      const outcome = outcomeOfError(error, now);
      expect([outcome.status, "retryAt" in outcome]).toEqual(["retry", false]);
    }
  });

  it("schedules quota errors for when the quota resets", () => {
    expect(outcomeOfError(new WechatApiError(45009, ""), now)).toMatchObject({
      status: "retry",
      retryAt: new Date("2026-04-12T16:01:00Z"),
    });
    expect(outcomeOfError(new WechatApiError(45011, ""), now)).toMatchObject({
      status: "retry",
      retryAt: new Date("2026-04-12T10:01:00Z"),
    });
  });
});
