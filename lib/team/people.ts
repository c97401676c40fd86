// The people of this Qudao: listed, created with a temporary password, given roles and accounts,
// disabled (their sessions and keys stop at once) and removed. There is always an owner.
import { recordAudit, changedFields } from "@/lib/audit/audit-log";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import { getDb, isUniqueViolation } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import { assertMayAssign, storedAccessOf } from "@/lib/team/access";
import type { Person, PersonCreateInput, PersonUpdateInput } from "@/lib/schemas/team";

const personInclude = { grants: true, sessions: { select: { lastSeenAt: true } } } as const;

type PersonRow = NonNullable<Awaited<ReturnType<typeof findPersonRow>>>;

function findPersonRow(id: string) {
  return getDb().user.findUnique({ where: { id }, include: personInclude });
}

function toPerson(row: PersonRow): Person {
  const lastActive = row.sessions.reduce<Date | null>(
    (latest, session) => (!latest || session.lastSeenAt > latest ? session.lastSeenAt : latest),
    null,
  );
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    allAccounts: row.allAccounts,
    grants: row.grants.map((grant) => ({ accountId: grant.accountId, role: grant.role })),
    disabled: row.disabledAt !== null,
    mustChangePassword: row.mustChangePassword,
    lastActiveAt: lastActive?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listPeople(): Promise<Person[]> {
  const rows = await getDb().user.findMany({ include: personInclude, orderBy: { createdAt: "asc" } });
  return rows.map(toPerson);
}

async function personOrNotFound(id: string): Promise<PersonRow> {
  const row = await findPersonRow(id);
  if (!row) throw notFound("Person");
  return row;
}

export async function createPerson(actor: Actor, input: PersonCreateInput): Promise<Person> {
  const access = await storedAccessOf(input.access);
  assertMayAssign(actor, access.role);
  try {
    const created = await getDb().user.create({
      data: {
        email: input.email.toLowerCase(),
        name: input.name || null,
        passwordHash: await hashPassword(input.temporaryPassword),
        mustChangePassword: true,
        role: access.role,
        allAccounts: access.allAccounts,
        grants: { create: access.grants },
      },
      include: personInclude,
    });
    await recordAudit({
      action: "user.create",
      objectType: "user",
      objectId: created.id,
      detail: { email: created.email, role: access.role, allAccounts: access.allAccounts, grants: access.grants },
    });
    return toPerson(created);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "Someone with that email is already here");
    throw error;
  }
}

/** Owners are changed by owners only, and the last active owner stays an active owner. */
async function assertMayChange(actor: Actor, target: PersonRow, change: { demotes: boolean; disables: boolean }) {
  if (target.role === "owner" && actor.role !== "owner")
    throw new AppError("forbidden", "Only an owner can change an owner");
  if (target.role === "owner" && (change.demotes || change.disables)) {
    const activeOwners = await getDb().user.count({ where: { role: "owner", disabledAt: null } });
    if (activeOwners <= 1) {
      throw new AppError("conflict", "This is the only owner: make someone else an owner first");
    }
  }
}

export async function updatePerson(actor: Actor, id: string, input: PersonUpdateInput): Promise<Person> {
  const before = await personOrNotFound(id);
  if (id === actor.userId && (input.access || input.disabled)) {
    throw new AppError("conflict", "You cannot change your own role or disable yourself; ask another admin");
  }
  const access = input.access ? await storedAccessOf(input.access) : null;
  if (access) assertMayAssign(actor, access.role);
  await assertMayChange(actor, before, {
    demotes: access !== null && access.role !== "owner",
    disables: input.disabled === true,
  });
  const db = getDb();
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name || null } : {}),
        ...(input.disabled !== undefined
          ? { disabledAt: input.disabled ? (before.disabledAt ?? new Date()) : null }
          : {}),
        ...(access ? { role: access.role, allAccounts: access.allAccounts } : {}),
      },
    });
    if (access) {
      await tx.userAccountGrant.deleteMany({ where: { userId: id } });
      if (access.grants.length)
        await tx.userAccountGrant.createMany({ data: access.grants.map((g) => ({ ...g, userId: id })) });
    }
    // A new role or a disabled account takes effect at once: their sessions end, they sign in again.
    if (access || input.disabled) await tx.session.deleteMany({ where: { userId: id } });
  });
  const after = await personOrNotFound(id);
  await recordAudit({
    action: input.disabled === true ? "user.disable" : input.disabled === false ? "user.enable" : "user.update",
    objectType: "user",
    objectId: id,
    detail: changedFields(accessSnapshot(before), accessSnapshot(after)),
  });
  return toPerson(after);
}

function accessSnapshot(row: PersonRow): Record<string, unknown> {
  return {
    name: row.name,
    role: row.role,
    allAccounts: row.allAccounts,
    grants: row.grants.map((grant) => `${grant.accountId}:${grant.role}`).sort(),
    disabled: row.disabledAt !== null,
  };
}

export async function removePerson(actor: Actor, id: string): Promise<void> {
  const target = await personOrNotFound(id);
  if (id === actor.userId) throw new AppError("conflict", "You cannot remove yourself");
  await assertMayChange(actor, target, { demotes: true, disables: true });
  await getDb().user.delete({ where: { id } });
  await recordAudit({ action: "user.remove", objectType: "user", objectId: id, detail: { email: target.email } });
}

/** An owner sets a temporary password for someone locked out; their sessions end. */
export async function resetPassword(id: string, temporaryPassword: string): Promise<void> {
  const target = await personOrNotFound(id);
  const passwordHash = await hashPassword(temporaryPassword);
  await getDb().$transaction([
    getDb().user.update({ where: { id }, data: { passwordHash, mustChangePassword: true } }),
    getDb().session.deleteMany({ where: { userId: id } }),
  ]);
  await recordAudit({
    action: "user.reset_password",
    objectType: "user",
    objectId: id,
    detail: { email: target.email },
  });
}
