// People, invitations, API keys, the audit log and one's own sessions: fetchers, query keys and
// mutations for the team pages. Responses are parsed with the schemas below, each tied to the
// server's interface in lib/schemas/team.ts by `satisfies`, so the two cannot drift apart.
// (lib/schemas/team.ts itself is imported for types only: it pulls in the argon2 binding.)
import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson, jsonRequest, queryString } from "@/lib/client/http";
import type {
  AccessInput,
  ApiKeyCreateInput,
  ApiKeySummary,
  AuditQuery,
  AuditRow,
  InviteSummary,
  Person,
  PersonUpdateInput,
  SessionSummary,
} from "@/lib/schemas/team";

/** The server's own rule, from a module the browser can load. */
export { hasValidPasswordLength, maxPasswordLength, minPasswordLength } from "@/lib/auth/password-rules";

const grantSchema = z.object({ accountId: z.string(), role: z.string() });

export const personSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.string(),
  allAccounts: z.boolean(),
  grants: z.array(grantSchema),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastActiveAt: z.string().nullable(),
  createdAt: z.string(),
}) satisfies z.ZodType<Person>;

export const inviteSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string(),
  allAccounts: z.boolean(),
  grants: z.array(grantSchema),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
}) satisfies z.ZodType<InviteSummary>;

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: z.string(),
  allAccounts: z.boolean(),
  accountIds: z.array(z.string()),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
  revokedAt: z.string().nullable(),
}) satisfies z.ZodType<ApiKeySummary>;

export const sessionSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
}) satisfies z.ZodType<SessionSummary>;

export const auditRowSchema = z.object({
  id: z.number(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actor: z.string(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  accountId: z.string().nullable(),
  detail: z.unknown(),
  ip: z.string().nullable(),
  createdAt: z.string(),
}) satisfies z.ZodType<AuditRow>;

const itemsOf = <Item extends z.ZodType>(item: Item) => z.object({ items: z.array(item) });
const auditPageSchema = z.object({ items: z.array(auditRowSchema), nextBefore: z.number().nullable() });
const inviteCreatedSchema = z.object({ invite: inviteSchema, link: z.string(), mailed: z.boolean() });
const apiKeyCreatedSchema = z.object({ id: z.string(), key: z.string() });
const inviteLookupSchema = z.object({ email: z.string(), role: z.string(), expiresAt: z.string() });

/** The audit filters as they sit in the URL (and in the query key): calendar dates, never instants. */
export type AuditFilter = Partial<Pick<AuditQuery, "actorId" | "action" | "objectType" | "from" | "to">>;

export const teamKeys = {
  all: ["team"] as const,
  people: () => [...teamKeys.all, "people"] as const,
  invites: () => [...teamKeys.all, "invites"] as const,
  apiKeys: () => [...teamKeys.all, "api-keys"] as const,
  sessions: () => [...teamKeys.all, "sessions"] as const,
  audits: () => [...teamKeys.all, "audit"] as const,
  audit: (filter: AuditFilter) => [...teamKeys.audits(), filter] as const,
  invite: (token: string) => [...teamKeys.all, "invite", token] as const,
};

const idPath = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

// ---- People

export function peopleQuery() {
  return queryOptions({
    queryKey: teamKeys.people(),
    queryFn: () => fetchJson("/api/people", itemsOf(personSchema)),
  });
}

export function usePeople(options: { enabled?: boolean } = {}) {
  return useQuery({ ...peopleQuery(), enabled: options.enabled ?? true });
}

/** Every change to a person can change the audit log too. */
function useInvalidating(...keys: (readonly unknown[])[]) {
  const queryClient = useQueryClient();
  return () => Promise.all([...keys, teamKeys.audits()].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useCreatePerson() {
  const invalidate = useInvalidating(teamKeys.people());
  return useMutation({
    mutationFn: (input: { email: string; name?: string; temporaryPassword: string; access: AccessInput }) =>
      fetchJson("/api/people", personSchema, jsonRequest("POST", input)),
    onSuccess: invalidate,
  });
}

export function useUpdatePerson() {
  const invalidate = useInvalidating(teamKeys.people());
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: PersonUpdateInput }) =>
      fetchJson(idPath("/api/people", id), personSchema, jsonRequest("PATCH", input)),
    onSuccess: invalidate,
  });
}

export function useRemovePerson() {
  const invalidate = useInvalidating(teamKeys.people());
  return useMutation({
    mutationFn: (id: string) => fetchJson(idPath("/api/people", id), z.undefined(), jsonRequest("DELETE")),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidating(teamKeys.people());
  return useMutation({
    mutationFn: ({ id, temporaryPassword }: { id: string; temporaryPassword: string }) =>
      fetchJson(`${idPath("/api/people", id)}/reset-password`, z.unknown(), jsonRequest("POST", { temporaryPassword })),
    onSuccess: invalidate,
  });
}

// ---- Invitations

export function useInvites() {
  return useQuery({
    queryKey: teamKeys.invites(),
    queryFn: () => fetchJson("/api/invites", itemsOf(inviteSchema)),
  });
}

export function useCreateInvite() {
  const invalidate = useInvalidating(teamKeys.invites());
  return useMutation({
    mutationFn: (input: { email: string; access: AccessInput }) =>
      fetchJson("/api/invites", inviteCreatedSchema, jsonRequest("POST", input)),
    onSuccess: invalidate,
  });
}

export function useRevokeInvite() {
  const invalidate = useInvalidating(teamKeys.invites());
  return useMutation({
    mutationFn: (id: string) => fetchJson(idPath("/api/invites", id), z.undefined(), jsonRequest("DELETE")),
    onSuccess: invalidate,
  });
}

/** The public side of an invitation: who it is for, then accepting it (which signs them in). */
export function useInviteLookup(token: string) {
  return useQuery({
    queryKey: teamKeys.invite(token),
    queryFn: () => fetchJson(`/api/invites/accept${queryString({ token })}`, inviteLookupSchema),
    staleTime: Infinity,
  });
}

export function useAcceptInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { token: string; name?: string; password: string }) =>
      fetchJson("/api/invites/accept", z.object({ id: z.string(), email: z.string() }), jsonRequest("POST", input)),
    // A new session cookie: whatever was cached belonged to no one or someone else.
    onSuccess: () => queryClient.clear(),
  });
}

// ---- API keys

export function useApiKeys() {
  return useQuery({
    queryKey: teamKeys.apiKeys(),
    queryFn: () => fetchJson("/api/api-keys", itemsOf(apiKeySchema)),
  });
}

export function useCreateApiKey() {
  const invalidate = useInvalidating(teamKeys.apiKeys());
  return useMutation({
    mutationFn: (input: ApiKeyCreateInput) =>
      fetchJson("/api/api-keys", apiKeyCreatedSchema, jsonRequest("POST", input)),
    onSuccess: invalidate,
  });
}

export function useRevokeApiKey() {
  const invalidate = useInvalidating(teamKeys.apiKeys());
  return useMutation({
    mutationFn: (id: string) => fetchJson(idPath("/api/api-keys", id), z.undefined(), jsonRequest("DELETE")),
    onSuccess: invalidate,
  });
}

// ---- My account

export function useOwnSessions() {
  return useQuery({
    queryKey: teamKeys.sessions(),
    queryFn: () => fetchJson("/api/me/sessions", itemsOf(sessionSchema)),
  });
}

export function useEndSession() {
  const invalidate = useInvalidating(teamKeys.sessions());
  return useMutation({
    mutationFn: (id: string) => fetchJson(idPath("/api/me/sessions", id), z.undefined(), jsonRequest("DELETE")),
    onSuccess: invalidate,
  });
}

export function useEndOtherSessions() {
  const invalidate = useInvalidating(teamKeys.sessions());
  return useMutation({
    mutationFn: () => fetchJson("/api/me/sessions", z.object({ ended: z.number() }), jsonRequest("DELETE")),
    onSuccess: invalidate,
  });
}

export function useChangeOwnPassword() {
  const invalidate = useInvalidating(teamKeys.sessions());
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      fetchJson("/api/me/password", z.unknown(), jsonRequest("POST", input)),
    onSuccess: invalidate,
  });
}

// ---- Audit log

const auditPageSize = 50;

export function useAuditLog(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: teamKeys.audit(filter),
    queryFn: ({ pageParam }) =>
      fetchJson(`/api/audit${queryString({ ...filter, before: pageParam, limit: auditPageSize })}`, auditPageSchema),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
  });
}

/** The CSV of every row the filters match: a plain link, the browser downloads it. */
export function auditExportUrl(filter: AuditFilter): string {
  return `/api/audit/export${queryString({ ...filter })}`;
}
