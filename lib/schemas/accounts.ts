import { z } from "zod";
import { timeZoneSchema } from "@/lib/schemas/common";

export const messageModes = ["plaintext", "compatible", "safe"] as const;
export const defaultWechatApiBaseUrl = "https://api.weixin.qq.com";
/** What every secret looks like in a response: secrets are write-only. */
export const maskedSecret = "********";

const accountFields = {
  name: z.string().trim().min(1).max(100),
  appId: z.string().regex(/^wx[0-9A-Za-z]{16}$/, "An appId is wx followed by 16 letters or digits"),
  appSecret: z.string().regex(/^[0-9A-Za-z]{16,64}$/, "The AppSecret is 32 letters or digits"),
  token: z.string().regex(/^[A-Za-z0-9]{3,32}$/, "The Token is 3–32 letters or digits"),
  encodingAESKey: z
    .string()
    .regex(/^[A-Za-z0-9]{43}$/, "The EncodingAESKey is 43 letters or digits")
    .nullable(),
  mode: z.enum(messageModes),
  originalId: z
    .string()
    .regex(/^gh_[0-9A-Za-z]+$/, "The original id starts with gh_")
    .nullable(),
  timezone: timeZoneSchema,
  apiBaseUrl: z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/$/, "")),
  accessTokenKind: z.enum(["stable", "classic"]),
};

const needsAesKey = (value: { mode?: string; encodingAESKey?: string | null }) =>
  value.mode === undefined || value.mode === "plaintext" || !!value.encodingAESKey;
const aesKeyIssue = { message: "Compatible and safe modes need the EncodingAESKey", path: ["encodingAESKey"] };

export const accountCreateSchema = z
  .object({
    ...accountFields,
    encodingAESKey: accountFields.encodingAESKey.optional().default(null),
    mode: accountFields.mode.default("plaintext"),
    originalId: accountFields.originalId.optional().default(null),
    timezone: accountFields.timezone.default("Asia/Shanghai"),
    apiBaseUrl: accountFields.apiBaseUrl.default(defaultWechatApiBaseUrl),
    accessTokenKind: accountFields.accessTokenKind.default("stable"),
  })
  .refine(needsAesKey, aesKeyIssue);
export type AccountCreateInput = z.input<typeof accountCreateSchema>;

/** The domain checks the mode/key pair against the stored key too (a PATCH may send only one). */
export const accountUpdateSchema = z.object(accountFields).partial().strict();
export type AccountUpdateInput = z.infer<typeof accountUpdateSchema>;

export const accountSchema = z.object({
  id: z.string(),
  name: z.string(),
  appId: z.string(),
  appSecret: z.literal(maskedSecret),
  token: z.literal(maskedSecret),
  encodingAESKey: z.literal(maskedSecret).nullable(),
  mode: z.enum(messageModes),
  originalId: z.string().nullable(),
  timezone: z.string(),
  apiBaseUrl: z.string(),
  accessTokenKind: z.enum(["stable", "classic"]),
  isSandbox: z.boolean(),
  /** The server URL to enter in WeChat's developer settings. */
  webhookUrl: z.string(),
  createdAt: z.iso.datetime(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountListSchema = z.object({ items: z.array(accountSchema) });
