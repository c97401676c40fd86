// The API keys page: list, create (the key is shown once), revoke at once.
import { recordAudit } from "@/lib/audit/audit-log";
import type { Actor } from "@/lib/auth/actor";
import { createApiKey } from "@/lib/auth/api-keys";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import { assertMayAssign } from "@/lib/team/access";
import type { ApiKeyCreateInput, ApiKeySummary } from "@/lib/schemas/team";

export async function listApiKeys(): Promise<ApiKeySummary[]> {
  const rows = await getDb().apiKey.findMany({
    include: { grants: true, user: { select: { email: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    allAccounts: row.allAccounts,
    accountIds: row.grants.map((grant) => grant.accountId),
    createdBy: row.user?.email ?? null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    lastUsedIp: row.lastUsedIp,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}

export async function createApiKeyFor(actor: Actor, input: ApiKeyCreateInput): Promise<{ id: string; key: string }> {
  assertMayAssign(actor, input.role);
  const accountIds = input.accountIds ?? null;
  if (accountIds) {
    const found = await getDb().account.count({ where: { id: { in: accountIds } } });
    if (found !== new Set(accountIds).size) {
      throw new AppError("validation_failed", "The request is not valid", [
        { path: ["accountIds"], message: "One of the accounts does not exist" },
      ]);
    }
  }
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= new Date()) {
    throw new AppError("validation_failed", "The request is not valid", [
      { path: ["expiresAt"], message: "The expiry is in the past" },
    ]);
  }
  const created = await createApiKey({
    name: input.name,
    role: input.role,
    userId: actor.userId,
    accountIds,
    expiresAt,
  });
  await recordAudit({
    action: "apiKey.create",
    objectType: "apiKey",
    objectId: created.id,
    detail: { name: input.name, role: input.role, accountIds, expiresAt: expiresAt?.toISOString() ?? null },
  });
  return created;
}

export async function revokeApiKey(id: string): Promise<void> {
  const { count } = await getDb().apiKey.updateMany({
    where: { id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Active API key");
  await recordAudit({ action: "apiKey.revoke", objectType: "apiKey", objectId: id });
}
