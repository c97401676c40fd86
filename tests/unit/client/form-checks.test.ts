// The forms' checks before a request run the API's own schemas (lib/schemas/channels.ts,
// lib/schemas/auth.ts): what the form lets through is what the server accepts, limit for limit.
import { describe, expect, it } from "vitest";
import { checkChannelForm, emptyChannelForm, type ChannelFormValues } from "@/components/channels/channel-form-values";
import { checkCredentials } from "@/components/auth/credentials";

const valid: ChannelFormValues = { ...emptyChannelForm, name: "Poster" };

describe("checkChannelForm", () => {
  const cases: [string, Partial<ChannelFormValues>, ReturnType<typeof checkChannelForm>][] = [
    ["a valid form", {}, {}],
    ["no name", { name: "  " }, { name: { key: "nameRequired" } }],
    ["a name of 100 characters", { name: "n".repeat(100) }, {}],
    ["a name of 101 characters", { name: "n".repeat(101) }, { name: { key: "tooLong", values: { max: 100 } } }],
    ["a group of 101 characters", { group: "g".repeat(101) }, { group: { key: "tooLong", values: { max: 100 } } }],
    ["a tag of 31 characters", { tags: `ok, ${"t".repeat(31)}` }, { tags: { key: "tooLong", values: { max: 30 } } }],
    ["no custom scene", { sceneChoice: "custom", scene: " " }, { scene: { key: "sceneRequired" } }],
    [
      "a permanent integer scene over the quota",
      { sceneChoice: "custom", scene: "100001" },
      { scene: { key: "sceneRange", values: { max: 100_000 } } },
    ],
    ["a temporary integer scene of 32 bits", { kind: "temporary", sceneChoice: "custom", scene: "4294967295" }, {}],
    [
      "a temporary integer scene over 32 bits",
      { kind: "temporary", sceneChoice: "custom", scene: "4294967296" },
      { scene: { key: "sceneRange", values: { max: 4_294_967_295 } } },
    ],
    [
      "a text scene of 65 characters",
      { sceneChoice: "custom", scene: "s".repeat(65) },
      { scene: { key: "tooLong", values: { max: 64 } } },
    ],
    [
      "a temporary code for 31 days",
      { kind: "temporary", expiryChoice: "custom", expiresAt: "2999-01-01T00:00" },
      { expiresAt: { key: "expiryRange", values: { max: 30 } } },
    ],
    [
      "a welcome message of 2049 bytes",
      { welcomeMessage: "w".repeat(2049) },
      { welcomeMessage: { key: "welcomeTooLong", values: { max: 2048 } } },
    ],
    ["a tag name of 10 Chinese characters (30 bytes)", { autoTagName: "标".repeat(10) }, {}],
    [
      "a tag name of 11 Chinese characters (33 bytes)",
      { autoTagName: "标".repeat(11) },
      { autoTagName: { key: "tagNameTooLong", values: { max: 30 } } },
    ],
  ];

  it.each(cases)("%s", (_, change, expected) => {
    expect(checkChannelForm({ ...valid, ...change })).toEqual(expected);
  });
});

describe("checkCredentials", () => {
  it("checks the email, and the password's length as credentialsSchema does", () => {
    expect(checkCredentials(" a@example.com ", "12345678", { checkLength: true })).toEqual({});
    expect(checkCredentials("not an email", "12345678", { checkLength: true })).toEqual({ email: "emailInvalid" });
    expect(checkCredentials("a@example.com", "1234567", { checkLength: true })).toEqual({
      password: "passwordTooShort",
    });
    expect(checkCredentials("a@example.com", "1234567", { checkLength: false })).toEqual({});
    expect(checkCredentials("a@example.com", "p".repeat(201), { checkLength: false })).toEqual({
      password: "passwordTooLong",
    });
  });
});
