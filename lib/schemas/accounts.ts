import { z } from "zod";
import { timeZoneSchema, whenEveryFieldParsed } from "@/lib/schemas/common";
import { allowedApiBasesMessage, isWechatApiBase } from "@/lib/wechat/api-hosts";
import { isSandboxEnabled, ownSandboxBaseUrl } from "@/lib/sandbox/sandbox-mode";

export const messageModes = ["plaintext", "compatible", "safe"] as const;
export const defaultWechatApiBaseUrl = "https://api.weixin.qq.com";

/**
 * The API base an account may have: one of WeChat's hosts over https, or this server's own
 * sandbox while it is on. Anything else would receive the AppSecret: refused (422) naming the
 * allowed hosts. Which of the two it is decides the account's isEmulated flag.
 */
const apiBaseUrlSchema = z
  .url({ protocol: /^https?$/ })
  .transform((url) => url.replace(/\/$/, ""))
  .superRefine((url, context) => {
    if (isWechatApiBase(url) || isOwnSandboxBase(url)) return;
    context.addIssue({
      code: "custom",
      message: allowedApiBasesMessage(isSandboxEnabled() ? ownSandboxBaseUrl() : null),
    });
  });

/** Whether an API base is this server's own emulator (and the emulator is on). */
export function isOwnSandboxBase(apiBaseUrl: string): boolean {
  return isSandboxEnabled() && apiBaseUrl.replace(/\/$/, "") === ownSandboxBaseUrl();
}

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
  apiBaseUrl: apiBaseUrlSchema,
  accessTokenKind: z.enum(["stable", "classic"]),
};

/** Left out (undefined) is fine: Qudao generates one. Only an explicit null needs plaintext mode. */
const needsAesKey = (value: { mode?: string; encodingAESKey?: string | null }) =>
  value.mode === undefined || value.mode === "plaintext" || value.encodingAESKey !== null;
const aesKeyIssue = {
  message: "Compatible and safe modes need the EncodingAESKey",
  path: ["encodingAESKey"],
  ...whenEveryFieldParsed,
};

/**
 * Token and EncodingAESKey may be left out: Qudao then generates them (and returns them once, in
 * the create response). An explicit null EncodingAESKey means none (plaintext mode only).
 */
export const accountCreateSchema = z
  .object({
    ...accountFields,
    token: accountFields.token.optional(),
    encodingAESKey: accountFields.encodingAESKey.optional(),
    mode: accountFields.mode.default("plaintext"),
    originalId: accountFields.originalId.optional().default(null),
    timezone: accountFields.timezone.default("Asia/Shanghai"),
    apiBaseUrl: accountFields.apiBaseUrl.default(defaultWechatApiBaseUrl),
    accessTokenKind: accountFields.accessTokenKind.default("stable"),
  })
  .refine(needsAesKey, aesKeyIssue);
export type AccountCreateInput = z.input<typeof accountCreateSchema>;

/**
 * The domain checks the mode/key pair against the stored key too (a PATCH may send only one).
 * `isDisabled`: a disabled account's pushes are answered "success" and not stored.
 */
export const accountUpdateSchema = z
  .object({ ...accountFields, isDisabled: z.boolean() })
  .partial()
  .strict();
export type AccountUpdateInput = z.infer<typeof accountUpdateSchema>;

/**
 * sandbox: the built-in emulator account; waiting: connected in Qudao but nothing from WeChat yet;
 * connected: a verification or push has arrived; error: the last thing that happened was a
 * refusal or a failed token fetch; disabled: pushes are answered and dropped.
 */
export const accountStatuses = ["sandbox", "waiting", "connected", "error", "disabled"] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const accountErrorSources = ["webhook", "token"] as const;

export const accountHealthSchema = z.object({
  status: z.enum(accountStatuses),
  disabledAt: z.iso.datetime().nullable(),
  lastVerifiedAt: z.iso.datetime().nullable(),
  lastPushAt: z.iso.datetime().nullable(),
  lastErrorAt: z.iso.datetime().nullable(),
  /** What went wrong last: a refused webhook request or a failed access-token fetch. */
  lastError: z.object({ source: z.enum(accountErrorSources), message: z.string() }).nullable(),
  /** Set while both the old and the new Token / EncodingAESKey are accepted. */
  rotationStartedAt: z.iso.datetime().nullable(),
  /** Whether Qudao holds an access token that has not expired. */
  hasValidAccessToken: z.boolean(),
  accessTokenExpiresAt: z.iso.datetime().nullable(),
});
export type AccountHealth = z.infer<typeof accountHealthSchema>;

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
  /** Talks to the built-in emulator (the sandbox account, or one connected in a rehearsal). */
  isEmulated: z.boolean(),
  /** The server URL to enter in WeChat's developer settings. */
  webhookUrl: z.string(),
  createdAt: z.iso.datetime(),
  health: accountHealthSchema,
});
export type Account = z.infer<typeof accountSchema>;

/** Secrets Qudao generated, returned once to the admin who created or rotated them. */
export const generatedSecretsSchema = z.object({
  token: z.string().optional(),
  encodingAESKey: z.string().optional(),
});
export const accountWithSecretsSchema = accountSchema.extend({ generatedSecrets: generatedSecretsSchema });
export type AccountWithSecrets = z.infer<typeof accountWithSecretsSchema>;

export const accountDeleteSchema = z.object({
  /** The account's name, typed again: deleting removes its channels and every event. */
  confirmName: z.string().min(1),
});
export type AccountDeleteInput = z.infer<typeof accountDeleteSchema>;

/** New values for the server URL's Token / EncodingAESKey; left out = generated. */
export const accountRotateSchema = z
  .object({
    token: accountFields.token.optional(),
    encodingAESKey: z
      .string()
      .regex(/^[A-Za-z0-9]{43}$/)
      .optional(),
  })
  .strict();
export type AccountRotateInput = z.infer<typeof accountRotateSchema>;

export const credentialTestSchema = z.object({
  appId: accountFields.appId,
  appSecret: accountFields.appSecret,
  apiBaseUrl: accountFields.apiBaseUrl.default(defaultWechatApiBaseUrl),
  accessTokenKind: accountFields.accessTokenKind.default("stable"),
});
export type CredentialTestInput = z.input<typeof credentialTestSchema>;

/** Why WeChat refused the AppID / AppSecret, as the wizard explains it. */
export const credentialProblems = [
  "bad_app_id",
  "bad_app_secret",
  "ip_not_whitelisted",
  "not_verified_service_account",
  "unreachable",
  "already_connected",
  "other",
] as const;
export type CredentialProblem = (typeof credentialProblems)[number];

export const credentialTestResultSchema = z.discriminatedUnion("isValid", [
  z.object({ isValid: z.literal(true) }),
  z.object({
    isValid: z.literal(false),
    problem: z.enum(credentialProblems),
    errcode: z.number().nullable(),
    /** What went wrong in Qudao's words (the errcode is beside it): never the remote's own text. */
    detail: z.string(),
    /** For ip_not_whitelisted: the address WeChat saw Qudao call from. */
    callerIp: z.string().nullable(),
  }),
]);
export type CredentialTestResult = z.infer<typeof credentialTestResultSchema>;

/** What the sandbox emulator answered when asked to verify the server URL as WeChat would. */
export const sandboxVerificationResultSchema = z.object({
  isVerified: z.boolean(),
  status: z.number().nullable(),
  detail: z.string().nullable(),
});
export type SandboxVerificationResult = z.infer<typeof sandboxVerificationResultSchema>;

export const accountListSchema = z.object({ items: z.array(accountSchema) });
