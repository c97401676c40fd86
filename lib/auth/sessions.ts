// Browser sessions: an httpOnly cookie holding a random token; the database holds its hash.
// A session ends 30 days after sign-in at the latest, after QUDAO_SESSION_IDLE_HOURS unused, at
// once when its user is disabled, and a new one is issued on sign-in and on a change of role.
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { grantsFrom, limitedRole, type Actor } from "@/lib/auth/actor";
import { isRole } from "@/lib/auth/roles";
import { createSecretToken, hashToken } from "@/lib/auth/tokens";

export const sessionCookieName = "qudao_session";
const sessionLifetimeMs = 30 * 24 * 3600 * 1000;
/** lastSeenAt is written at most this often per session: not one write per request. */
const lastSeenResolutionMs = 60_000;

export interface SessionOrigin {
  ip?: string | null;
  userAgent?: string | null;
}

export async function createSession(
  userId: string,
  origin: SessionOrigin = {},
): Promise<{ token: string; expiresAt: Date; id: string }> {
  const token = createSecretToken("qds_");
  const expiresAt = new Date(Date.now() + sessionLifetimeMs);
  const session = await getDb().session.create({
    data: {
      tokenHash: hashToken(token),
      userId,
      expiresAt,
      ip: origin.ip ?? null,
      userAgent: origin.userAgent?.slice(0, 300) ?? null,
    },
  });
  return { token, expiresAt, id: session.id };
}

function idleLimitMs(): number {
  return getEnv().QUDAO_SESSION_IDLE_HOURS * 3600 * 1000;
}

/** The signed-in user behind a session cookie, or null when the session is unknown, ended or idle. */
export async function findSessionActor(token: string | undefined): Promise<Actor | null> {
  if (!token) return null;
  const session = await getDb().session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { include: { grants: true } } },
  });
  const now = Date.now();
  if (!session || session.expiresAt.getTime() < now || session.user.disabledAt) return null;
  if (now - session.lastSeenAt.getTime() > idleLimitMs()) {
    await getDb().session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > lastSeenResolutionMs) {
    await getDb().session.updateMany({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  const { user } = session;
  const grants = user.allAccounts ? {} : grantsFrom(user.grants);
  return {
    kind: "user",
    id: user.id,
    userId: user.id,
    label: user.email,
    role: user.allAccounts ? (isRole(user.role) ? user.role : "viewer") : limitedRole(grants),
    allAccounts: user.allAccounts,
    grants,
    sessionId: session.id,
    mustChangePassword: user.mustChangePassword,
  };
}

export async function deleteSession(token: string): Promise<void> {
  await getDb().session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** Ended and idle sessions, removed by the job worker's housekeeping. */
export async function purgeExpiredSessions(now = new Date()): Promise<number> {
  const idleSince = new Date(now.getTime() - idleLimitMs());
  const { count } = await getDb().session.deleteMany({
    where: { OR: [{ expiresAt: { lt: now } }, { lastSeenAt: { lt: idleSince } }] },
  });
  return count;
}

export function sessionCookieHeader(token: string, expiresAt: Date): string {
  const secure = getEnv().secureCookies ? "; Secure" : "";
  return `${sessionCookieName}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure}`;
}

export function clearedSessionCookieHeader(): string {
  const secure = getEnv().secureCookies ? "; Secure" : "";
  return `${sessionCookieName}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}
