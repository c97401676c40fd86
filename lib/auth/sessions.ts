// Browser sessions: an httpOnly cookie holding a random token; the database holds its hash.
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { createSecretToken, hashToken } from "@/lib/auth/tokens";
import type { PublicUser } from "@/lib/auth/users";

export const sessionCookieName = "qudao_session";
const sessionLifetimeMs = 30 * 24 * 3600 * 1000;

export async function createSession(userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = createSecretToken("qds_");
  const expiresAt = new Date(Date.now() + sessionLifetimeMs);
  await getDb().session.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

export async function findSessionUser(token: string | undefined): Promise<PublicUser | null> {
  if (!token) return null;
  const session = await getDb().session.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!session || session.expiresAt < new Date()) return null;
  return { id: session.user.id, email: session.user.email, role: session.user.role };
}

export async function deleteSession(token: string): Promise<void> {
  await getDb().session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

export function sessionCookieHeader(token: string, expiresAt: Date): string {
  const secure = getEnv().QUDAO_SECURE_COOKIES ? "; Secure" : "";
  return `${sessionCookieName}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure}`;
}

export function clearedSessionCookieHeader(): string {
  return `${sessionCookieName}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}
