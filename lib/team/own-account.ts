// What every signed-in person does for themselves: change their password, see where they are
// signed in, and end those sessions ("sign out everywhere").
import { recordAudit } from "@/lib/audit/audit-log";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, isPasswordValid } from "@/lib/auth/passwords";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import type { SessionSummary } from "@/lib/schemas/team";

function userIdOf(actor: Actor): string {
  if (actor.kind !== "user" || !actor.userId) throw new AppError("forbidden", "Sign in as a person to do this");
  return actor.userId;
}

/** Ends every other session, so a password someone else knew stops working everywhere at once. */
export async function changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
  const userId = userIdOf(actor);
  const user = await getDb().user.findUniqueOrThrow({ where: { id: userId } });
  if (!(await isPasswordValid(user.passwordHash, currentPassword))) {
    throw new AppError("validation_failed", "The request is not valid", [
      { path: ["currentPassword"], message: "This is not your current password" },
    ]);
  }
  await getDb().$transaction([
    getDb().user.update({
      where: { id: userId },
      data: { passwordHash: await hashPassword(newPassword), mustChangePassword: false },
    }),
    getDb().session.deleteMany({ where: { userId, id: { not: actor.sessionId ?? "" } } }),
  ]);
  await recordAudit({ action: "user.change_password", objectType: "user", objectId: userId });
}

export async function listOwnSessions(actor: Actor): Promise<SessionSummary[]> {
  const rows = await getDb().session.findMany({
    where: { userId: userIdOf(actor), expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
  });
  return rows.map((row) => ({
    id: row.id,
    current: row.id === actor.sessionId,
    ip: row.ip,
    userAgent: row.userAgent,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
  }));
}

export async function endOwnSession(actor: Actor, sessionId: string): Promise<void> {
  const { count } = await getDb().session.deleteMany({ where: { id: sessionId, userId: userIdOf(actor) } });
  if (count === 0) throw notFound("Session");
  await recordAudit({ action: "session.end", objectType: "session", objectId: sessionId });
}

/** "Sign out everywhere else": every session but this one. */
export async function endOtherSessions(actor: Actor): Promise<number> {
  const { count } = await getDb().session.deleteMany({
    where: { userId: userIdOf(actor), id: { not: actor.sessionId ?? "" } },
  });
  await recordAudit({
    action: "session.end_others",
    objectType: "user",
    objectId: actor.userId,
    detail: { ended: count },
  });
  return count;
}
