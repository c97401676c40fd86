// People, invites, API keys, sessions and the audit log: what the team pages send and receive.
import { z } from "zod";
import { whenEveryFieldParsed } from "@/lib/schemas/common";
import { accountGrantRoles, roles } from "@/lib/auth/roles";
import { maxPasswordLength, minPasswordLength } from "@/lib/auth/password-rules";

export const passwordSchema = z
  .string()
  .min(minPasswordLength, `At least ${minPasswordLength} characters`)
  .max(maxPasswordLength, `At most ${maxPasswordLength} characters`);

const accountGrantSchema = z.object({ accountId: z.string().min(1), role: z.enum(accountGrantRoles) });

/**
 * What a person may reach: every account with one role, or a list of accounts each with its own
 * (editor or viewer: admins and owners manage the whole installation, so they see every account).
 */
export const accessSchema = z.discriminatedUnion("allAccounts", [
  z.object({ allAccounts: z.literal(true), role: z.enum(roles) }),
  z.object({
    allAccounts: z.literal(false),
    grants: z
      .array(accountGrantSchema)
      .min(1, "Choose at least one account")
      .max(500)
      .refine((grants) => new Set(grants.map((grant) => grant.accountId)).size === grants.length, {
        message: "An account is listed twice",
        ...whenEveryFieldParsed,
      }),
  }),
]);
export type AccessInput = z.infer<typeof accessSchema>;

export const personCreateSchema = z.object({
  email: z.email().max(200),
  name: z.string().trim().max(100).optional(),
  temporaryPassword: passwordSchema,
  access: accessSchema,
});
export type PersonCreateInput = z.infer<typeof personCreateSchema>;

export const personUpdateSchema = z
  .object({
    name: z.string().trim().max(100).nullable(),
    access: accessSchema,
    disabled: z.boolean(),
  })
  .partial()
  .strict();
export type PersonUpdateInput = z.infer<typeof personUpdateSchema>;

export const passwordResetSchema = z.object({ temporaryPassword: passwordSchema });

export const ownPasswordChangeSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

export const inviteCreateSchema = z.object({ email: z.email().max(200), access: accessSchema });
export type InviteCreateInput = z.infer<typeof inviteCreateSchema>;

export const inviteAcceptSchema = z.object({
  token: z.string().min(10).max(200),
  name: z.string().trim().max(100).optional(),
  password: passwordSchema,
});

export const inviteLookupQuerySchema = z.object({ token: z.string().min(10).max(200) });

export const apiKeyCreateSchema = z.object({
  name: z.string().trim().min(1, "Give the key a name").max(100),
  role: z.enum(roles).default("viewer"),
  /** Absent or null: every account. */
  accountIds: z.array(z.string().min(1)).min(1).max(500).nullable().optional(),
  /** Inclusive last day the key works, or null for no expiry. */
  expiresAt: z.iso.datetime().nullable().optional(),
});
export type ApiKeyCreateInput = z.infer<typeof apiKeyCreateSchema>;

export const auditQuerySchema = z.object({
  actorId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  objectType: z.string().max(50).optional(),
  objectId: z.string().max(200).optional(),
  accountId: z.string().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

// ---- Responses

export interface Person {
  id: string;
  email: string;
  name: string | null;
  role: string;
  allAccounts: boolean;
  grants: { accountId: string; role: string }[];
  disabled: boolean;
  mustChangePassword: boolean;
  lastActiveAt: string | null;
  createdAt: string;
}

export interface InviteSummary {
  id: string;
  email: string;
  role: string;
  allAccounts: boolean;
  grants: { accountId: string; role: string }[];
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  role: string;
  allAccounts: boolean;
  accountIds: string[];
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  revokedAt: string | null;
}

export interface SessionSummary {
  id: string;
  current: boolean;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
}

export interface AuditRow {
  id: number;
  actorKind: string;
  actorId: string | null;
  actor: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  accountId: string | null;
  detail: unknown;
  ip: string | null;
  createdAt: string;
}
