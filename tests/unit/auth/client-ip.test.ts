// X-Forwarded-For is the caller's to write: it names the client only as far as trusted proxies
// appended it (issue 17: a caller rotating it dodged the per-address sign-in throttle).
import { afterEach, describe, expect, it } from "vitest";
import { clientIpOf } from "@/lib/auth/authenticate";
import { resetEnvForTests } from "@/lib/env";

function withProxies(count: string | undefined): void {
  if (count === undefined) delete process.env.QUDAO_TRUSTED_PROXIES;
  else process.env.QUDAO_TRUSTED_PROXIES = count;
  resetEnvForTests();
}

function ipOf(forwardedFor: string | null): string | null {
  const headers = new Headers(forwardedFor === null ? {} : { "x-forwarded-for": forwardedFor });
  return clientIpOf(new Request("http://localhost/api/auth/sign-in", { headers }));
}

afterEach(() => withProxies(undefined));

describe("clientIpOf", () => {
  it.each([
    // [trusted proxies, X-Forwarded-For, the address used]
    [undefined, "203.0.113.5", null],
    ["0", "203.0.113.5", null],
    ["1", "203.0.113.5", "203.0.113.5"],
    ["1", "6.6.6.6, 203.0.113.5", "203.0.113.5"],
    ["1", "1.1.1.1, 2.2.2.2,  203.0.113.5 ", "203.0.113.5"],
    ["2", "6.6.6.6, 203.0.113.5, 10.0.0.2", "203.0.113.5"],
    ["2", "203.0.113.5", null],
    ["1", null, null],
    ["1", "", null],
  ])("with %s trusted proxies, X-Forwarded-For %j is %j", (proxies, forwardedFor, expected) => {
    withProxies(proxies);
    expect(ipOf(forwardedFor)).toBe(expected);
  });

  it("gives a caller who rotates the header's left part the same address every time", () => {
    withProxies("1");
    const seen = new Set(["1.1.1.1", "2.2.2.2", "3.3.3.3"].map((forged) => ipOf(`${forged}, 198.51.100.9`)));
    expect([...seen]).toEqual(["198.51.100.9"]);
  });
});
