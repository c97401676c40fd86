import { describe, expect, it } from "vitest";
import { isSecretKeyName, redactSecrets, redactedText } from "@/lib/log-redaction";

describe("isSecretKeyName", () => {
  it.each([
    ["appSecret", true],
    ["app_secret", true],
    ["secret", true],
    ["token", true],
    ["access_token", true],
    ["accessToken", true],
    ["encodingAESKey", true],
    ["previousEncodingAesKey", true],
    ["password", true],
    ["newPassword", true],
    ["Authorization", true],
    ["cookie", true],
    ["set-cookie", true],
    ["apiKey", true],
    ["key", true],
    ["accountId", false],
    ["appId", false],
    ["tokenExpiresAt", false],
    ["keyPrefix", false],
    ["name", false],
  ])("%s → %s", (key, expected) => {
    expect(isSecretKeyName(key)).toBe(expected);
  });
});

describe("redactSecrets", () => {
  it("redacts by key name at any depth, in arrays too", () => {
    const input = {
      accountId: "a1",
      request: { headers: { authorization: "Bearer qd_x" }, body: { account: { appSecret: "s3cret", name: "Shop" } } },
      accounts: [{ token: "t1" }, { nested: [{ encodingAESKey: "k".repeat(43) }] }],
      deep: { a: { b: { c: { d: { e: { password: "hunter2" } } } } } },
    };
    expect(redactSecrets(input)).toEqual({
      accountId: "a1",
      request: {
        headers: { authorization: redactedText },
        body: { account: { appSecret: redactedText, name: "Shop" } },
      },
      accounts: [{ token: redactedText }, { nested: [{ encodingAESKey: redactedText }] }],
      deep: { a: { b: { c: { d: { e: { password: redactedText } } } } } },
    });
  });

  it("leaves the input alone and keeps empty values empty", () => {
    const input = { appSecret: "s", token: null, password: undefined };
    expect(redactSecrets(input)).toEqual({ appSecret: redactedText, token: null, password: undefined });
    expect(input.appSecret).toBe("s");
  });

  it("survives cycles and keeps errors and dates for the logger's serializers", () => {
    const cyclic: Record<string, unknown> = { token: "t" };
    cyclic.self = cyclic;
    expect(redactSecrets(cyclic)).toEqual({ token: redactedText, self: "[circular]" });
    const error = new Error("boom");
    const date = new Date(0);
    const redacted = redactSecrets({ err: error, at: date });
    expect(redacted.err).toBe(error);
    expect(redacted.at).toBe(date);
  });

  it("passes scalars through", () => {
    expect(redactSecrets("text")).toBe("text");
    expect(redactSecrets(3)).toBe(3);
    expect(redactSecrets(null)).toBeNull();
  });
});
