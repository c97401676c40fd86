import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, strictTransportSecurity } from "@/lib/http/security-headers";

const directivesOf = (policy: string) =>
  Object.fromEntries(policy.split("; ").map((directive) => [directive.split(" ")[0], directive]));

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, never eval, and forbids framing in production", () => {
    const policy = directivesOf(contentSecurityPolicy({ nonce: "abc123", isDevelopment: false, isHttps: false }));
    expect(policy["script-src"]).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy["frame-ancestors"]).toBe("frame-ancestors 'none'");
    expect(policy["object-src"]).toBe("object-src 'none'");
    expect(policy["upgrade-insecure-requests"]).toBeUndefined();
    expect(Object.values(policy).join(";")).not.toContain("unsafe-eval");
  });

  it("allows eval only for next dev, and upgrades requests only over https", () => {
    expect(contentSecurityPolicy({ nonce: "n", isDevelopment: true, isHttps: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", isDevelopment: false, isHttps: true })).toContain(
      "upgrade-insecure-requests",
    );
  });
});

describe("strictTransportSecurity", () => {
  it("is sent only when the public address is https", () => {
    expect(strictTransportSecurity(true)).toBe("max-age=31536000; includeSubDomains");
    expect(strictTransportSecurity(false)).toBeNull();
  });
});
