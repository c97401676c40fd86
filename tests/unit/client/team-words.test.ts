import { describe, expect, it } from "vitest";
import { describeUserAgent } from "@/components/team/user-agent";
import { changesOf } from "@/components/team/audit-words";
import { accessOf, draftOf } from "@/components/team/access-picker";

describe("describeUserAgent", () => {
  it.each([
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      { browser: "Chrome", system: "macOS" },
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      { browser: "Edge", system: "Windows" },
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322c) NetType/WIFI Language/zh_CN",
      { browser: "WeChat", system: "iOS" },
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      { browser: "Safari", system: "iOS" },
    ],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", { browser: "Firefox", system: "Linux" }],
    ["curl/8.5.0", { browser: "curl", system: null }],
    [null, { browser: null, system: null }],
  ])("%s", (userAgent, expected) => {
    expect(describeUserAgent(userAgent)).toEqual(expected);
  });
});

describe("changesOf", () => {
  it("reads changedFields() output as before → after", () => {
    expect(changesOf({ role: ["viewer", "editor"], disabled: [false, true] })).toEqual([
      { field: "role", before: "viewer", after: "editor", isChange: true },
      { field: "disabled", before: false, after: true, isChange: true },
    ]);
  });

  it("reads any other detail as plain facts, even a two-item list among them", () => {
    expect(changesOf({ email: "a@example.com", grants: ["x:viewer", "y:editor"] })).toEqual([
      { field: "email", after: "a@example.com", isChange: false },
      { field: "grants", after: ["x:viewer", "y:editor"], isChange: false },
    ]);
  });

  it("has nothing to say about no detail or a non-object", () => {
    expect(changesOf(null)).toEqual([]);
    expect(changesOf("text")).toEqual([]);
    expect(changesOf([1, 2])).toEqual([]);
  });
});

describe("access drafts", () => {
  it("send every account with one role, or the list with a role each", () => {
    expect(accessOf({ allAccounts: true, role: "admin", grants: [{ accountId: "a", role: "editor" }] })).toEqual({
      access: { allAccounts: true, role: "admin" },
    });
    expect(accessOf({ allAccounts: false, role: "admin", grants: [{ accountId: "a", role: "editor" }] })).toEqual({
      access: { allAccounts: false, grants: [{ accountId: "a", role: "editor" }] },
    });
  });

  it("refuse an empty list before any request", () => {
    expect(accessOf({ allAccounts: false, role: "viewer", grants: [] })).toEqual({ problem: "chooseAccount" });
  });

  it("start from what a person has, unknown roles falling back to the least", () => {
    expect(draftOf({ role: "superuser", allAccounts: false, grants: [{ accountId: "a", role: "admin" }] })).toEqual({
      allAccounts: false,
      role: "viewer",
      grants: [{ accountId: "a", role: "viewer" }],
    });
  });
});
