import { describe, expect, it } from "vitest";
import {
  accountStatusOf,
  decodeAccountError,
  encodeAccountError,
  type HealthFields,
} from "@/lib/accounts/account-status";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 9, minute));
const none: HealthFields = {
  isBuiltInSandbox: false,
  disabledAt: null,
  lastVerifiedAt: null,
  lastPushAt: null,
  lastErrorAt: null,
};

describe("accountStatusOf", () => {
  it.each([
    ["nothing from WeChat yet", {}, "waiting"],
    ["a verification arrived", { lastVerifiedAt: at(1) }, "connected"],
    ["a push arrived", { lastPushAt: at(1) }, "connected"],
    ["an error and no success", { lastErrorAt: at(1) }, "error"],
    ["an error after the last push", { lastPushAt: at(1), lastErrorAt: at(2) }, "error"],
    ["a push after the last error", { lastErrorAt: at(1), lastPushAt: at(2) }, "connected"],
    ["a verification after the last error", { lastErrorAt: at(1), lastVerifiedAt: at(3) }, "connected"],
    ["the built-in sandbox", { isBuiltInSandbox: true }, "sandbox"],
    ["the built-in sandbox with an error", { isBuiltInSandbox: true, lastErrorAt: at(1) }, "sandbox"],
    ["disabled, even if connected", { disabledAt: at(5), lastPushAt: at(4) }, "disabled"],
    ["disabled sandbox", { disabledAt: at(5), isBuiltInSandbox: true }, "disabled"],
  ] as const)("%s → %s", (_name, fields, status) => {
    expect(accountStatusOf({ ...none, ...fields })).toBe(status);
  });
});

describe("the stored last error", () => {
  it("keeps its source and message", () => {
    const stored = encodeAccountError({ source: "token", message: "The AppSecret is wrong (40125)" });
    expect(decodeAccountError(stored)).toEqual({ source: "token", message: "The AppSecret is wrong (40125)" });
  });

  it("reads plain text written before the format as a webhook error, and null as none", () => {
    expect(decodeAccountError("bad signature")).toEqual({ source: "webhook", message: "bad signature" });
    expect(decodeAccountError(null)).toBeNull();
  });

  it("cuts very long messages", () => {
    const stored = encodeAccountError({ source: "webhook", message: "x".repeat(5000) });
    expect(decodeAccountError(stored)?.message).toHaveLength(500);
  });
});
