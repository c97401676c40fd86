// API keys for integrations: shown once when created, stored as a hash; a role (viewer unless
// chosen), optionally a list of accounts and an expiry. A key stops working at once when revoked,
// expired, or when the user who created it is disabled.
import { getDb } from "@/lib/db/client";
import { grantsFrom, type Actor } from "@/lib/auth/actor";
import { isRole, type Role } from "@/lib/auth/roles";
import { createSecretToken, hashToken } from "@/lib/auth/tokens";

/** lastUsedAt/IP are written at most this often per key. */
const lastUsedResolutionMs = 60_000;

export interface ApiKeyInput {
  name: string;
  role?: Role;
  userId?: string | null;
  /** Absent or null: every account. */
  accountIds?: string[] | null;
  expiresAt?: Date | null;
}

export async function createApiKey(input: ApiKeyInput): Promise<{ id: string; key: string }> {
  const key = createSecretToken("qdk_");
  const created = await getDb().apiKey.create({
    data: {
      name: input.name,
      keyHash: hashToken(key),
      prefix: key.slice(0, 10),
      role: input.role ?? "viewer",
      userId: input.userId ?? null,
      allAccounts: !input.accountIds,
      expiresAt: input.expiresAt ?? null,
      grants: input.accountIds ? { create: input.accountIds.map((accountId) => ({ accountId })) } : undefined,
    },
  });
  return { id: created.id, key };
}

export async function findApiKeyActor(key: string, ip: string | null): Promise<Actor | null> {
  const apiKey = await getDb().apiKey.findUnique({
    where: { keyHash: hashToken(key) },
    include: { grants: true, user: { select: { disabledAt: true } } },
  });
  const now = Date.now();
  if (!apiKey || apiKey.revokedAt || apiKey.user?.disabledAt) return null;
  if (apiKey.expiresAt && apiKey.expiresAt.getTime() <= now) return null;
  if (!apiKey.lastUsedAt || now - apiKey.lastUsedAt.getTime() > lastUsedResolutionMs || apiKey.lastUsedIp !== ip) {
    await getDb().apiKey.updateMany({ where: { id: apiKey.id }, data: { lastUsedAt: new Date(now), lastUsedIp: ip } });
  }
  const role: Role = isRole(apiKey.role) ? apiKey.role : "viewer";
  return {
    kind: "apiKey",
    id: apiKey.id,
    userId: apiKey.userId,
    label: apiKey.name,
    role,
    allAccounts: apiKey.allAccounts,
    grants: apiKey.allAccounts ? {} : grantsFrom(apiKey.grants.map((grant) => ({ accountId: grant.accountId, role }))),
  };
}
