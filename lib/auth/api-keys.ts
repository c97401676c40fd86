// API keys for integrations: shown once when created, stored as a hash.
import { getDb } from "@/lib/db/client";
import { createSecretToken, hashToken } from "@/lib/auth/tokens";
import type { Role } from "@/lib/auth/roles";

export async function createApiKey(input: {
  name: string;
  role?: Role;
  userId?: string;
}): Promise<{ id: string; key: string }> {
  const key = createSecretToken("qdk_");
  const created = await getDb().apiKey.create({
    data: {
      name: input.name,
      keyHash: hashToken(key),
      prefix: key.slice(0, 10),
      role: input.role ?? "admin",
      userId: input.userId,
    },
  });
  return { id: created.id, key };
}

export async function findApiKey(key: string): Promise<{ id: string; name: string; role: string } | null> {
  const apiKey = await getDb().apiKey.findUnique({ where: { keyHash: hashToken(key) } });
  if (!apiKey || apiKey.revokedAt) return null;
  return { id: apiKey.id, name: apiKey.name, role: apiKey.role };
}
