// Invitations: a one-time link, valid 7 days, that lets someone choose their own password and
// arrive with the role and accounts chosen for them. Only the token's hash is stored.
import { recordAudit } from "@/lib/audit/audit-log";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import { createSecretToken, hashToken } from "@/lib/auth/tokens";
import { getDb, isUniqueViolation } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { AppError, notFound } from "@/lib/http/errors";
import { isMailConfigured } from "@/lib/mail/send-mail";
import { assertMayAssign, storedAccessOf } from "@/lib/team/access";
import { mailInvite } from "@/lib/team/invite-mail";
import type { InviteCreateInput, InviteSummary } from "@/lib/schemas/team";

export const inviteLifetimeMs = 7 * 24 * 3600 * 1000;

type InviteRow = Awaited<ReturnType<ReturnType<typeof getDb>["invite"]["findFirstOrThrow"]>>;

function grantsOf(row: InviteRow): { accountId: string; role: string }[] {
  try {
    const parsed: unknown = JSON.parse(row.grants);
    return Array.isArray(parsed) ? (parsed as { accountId: string; role: string }[]) : [];
  } catch {
    return [];
  }
}

function toSummary(row: InviteRow): InviteSummary {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    allAccounts: row.allAccounts,
    grants: grantsOf(row),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function inviteLinkFor(token: string): string {
  return `${getEnv().publicUrl}/invite/${token}`;
}

export async function createInvite(
  actor: Actor,
  input: InviteCreateInput,
): Promise<{ invite: InviteSummary; link: string; mailed: boolean }> {
  const access = await storedAccessOf(input.access);
  assertMayAssign(actor, access.role);
  const email = input.email.toLowerCase();
  if (await getDb().user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("conflict", "Someone with that email is already here");
  }
  const token = createSecretToken("qdi_");
  const row = await getDb().invite.create({
    data: {
      tokenHash: hashToken(token),
      email,
      role: access.role,
      allAccounts: access.allAccounts,
      grants: JSON.stringify(access.grants),
      createdById: actor.userId,
      expiresAt: new Date(Date.now() + inviteLifetimeMs),
    },
  });
  await recordAudit({
    action: "invite.create",
    objectType: "invite",
    objectId: row.id,
    detail: { email, role: access.role },
  });
  const link = inviteLinkFor(token);
  // Mailed when an SMTP server is configured; the link is returned either way, to copy.
  const mailed = isMailConfigured()
    ? await mailInvite({ email, link, invitedBy: actor.label, expiresAt: row.expiresAt })
    : false;
  return { invite: toSummary(row), link, mailed };
}

export async function listInvites(): Promise<InviteSummary[]> {
  const rows = await getDb().invite.findMany({ orderBy: { createdAt: "desc" }, take: 200 });
  return rows.map(toSummary);
}

export async function revokeInvite(id: string): Promise<void> {
  const { count } = await getDb().invite.updateMany({
    where: { id, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Open invite");
  await recordAudit({ action: "invite.revoke", objectType: "invite", objectId: id });
}

/** An invite that can still be used, or 404 — unknown, used, revoked and expired look the same. */
async function openInvite(token: string): Promise<InviteRow> {
  const row = await getDb().invite.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt <= new Date()) {
    throw new AppError("not_found", "This invitation is not valid any more: ask for a new one");
  }
  return row;
}

export async function describeInvite(token: string): Promise<{ email: string; role: string; expiresAt: string }> {
  const row = await openInvite(token);
  return { email: row.email, role: row.role, expiresAt: row.expiresAt.toISOString() };
}

/** Creates the invited user; the invite is used up in the same transaction (no second user from one link). */
export async function acceptInvite(input: {
  token: string;
  name?: string;
  password: string;
}): Promise<{ userId: string; email: string }> {
  const row = await openInvite(input.token);
  const passwordHash = await hashPassword(input.password);
  const db = getDb();
  try {
    const user = await db.$transaction(async (tx) => {
      const { count } = await tx.invite.updateMany({
        where: { id: row.id, acceptedAt: null, revokedAt: null },
        data: { acceptedAt: new Date() },
      });
      if (count === 0) throw new AppError("not_found", "This invitation is not valid any more: ask for a new one");
      const grants = row.allAccounts ? [] : grantsOf(row);
      // An account deleted since the invite was sent is simply left out.
      const existing = new Set(
        (
          await tx.account.findMany({ where: { id: { in: grants.map((g) => g.accountId) } }, select: { id: true } })
        ).map((account) => account.id),
      );
      return tx.user.create({
        data: {
          email: row.email,
          name: input.name || null,
          passwordHash,
          role: row.role,
          allAccounts: row.allAccounts,
          grants: { create: grants.filter((grant) => existing.has(grant.accountId)) },
        },
      });
    });
    await recordAudit({
      action: "invite.accept",
      objectType: "user",
      objectId: user.id,
      actorOverride: { kind: "user", id: user.id, label: user.email },
      detail: { inviteId: row.id, role: row.role },
    });
    return { userId: user.id, email: user.email };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "Someone with that email is already here");
    throw error;
  }
}
