import { describe, expect, it } from "vitest";
import { delayAfterFailures, throttleKey, throttlePolicies } from "@/lib/auth/sign-in-throttle-rules";

describe("delayAfterFailures", () => {
  const policy = { freeFailures: 3, firstDelayMs: 1_000, maxDelayMs: 10_000 };

  it.each([
    [0, 0],
    [3, 0],
    [4, 1_000],
    [5, 2_000],
    [6, 4_000],
    [7, 8_000],
    [8, 10_000],
    [500, 10_000],
  ])("after %i failures waits %i ms", (failures, expected) => {
    expect(delayAfterFailures(failures, policy)).toBe(expected);
  });

  it("lets an account fail more often than an address before it waits", () => {
    expect(throttlePolicies.email.freeFailures).toBeGreaterThan(throttlePolicies.ip.freeFailures);
    expect(delayAfterFailures(throttlePolicies.ip.freeFailures + 1, throttlePolicies.ip)).toBeGreaterThan(0);
    expect(delayAfterFailures(throttlePolicies.ip.freeFailures + 1, throttlePolicies.email)).toBe(0);
  });
});

describe("throttleKey", () => {
  it("is the same for an email however it is written", () => {
    expect(throttleKey("email", " Marketer@Example.com")).toBe(throttleKey("email", "marketer@example.com"));
    expect(throttleKey("ip", "203.0.113.5")).toBe("ip:203.0.113.5");
  });
});
