// Turning an access choice (every account with a role, or a list with a role each) into what is
// stored, and checking who may hand out what: only an owner makes or changes an owner.
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { atLeast, type Role } from "@/lib/auth/roles";
import type { Actor } from "@/lib/auth/actor";
import type { AccessInput } from "@/lib/schemas/team";

export interface StoredAccess {
  role: Role;
  allAccounts: boolean;
  grants: { accountId: string; role: Role }[];
}

export async function storedAccessOf(access: AccessInput): Promise<StoredAccess> {
  if (access.allAccounts) return { role: access.role, allAccounts: true, grants: [] };
  const ids = access.grants.map((grant) => grant.accountId);
  const found = await getDb().account.findMany({ where: { id: { in: ids } }, select: { id: true } });
  const known = new Set(found.map((row) => row.id));
  const missing = access.grants.findIndex((grant) => !known.has(grant.accountId));
  if (missing >= 0) {
    throw new AppError("validation_failed", "The request is not valid", [
      { path: ["access", "grants", missing, "accountId"], message: "No such account" },
    ]);
  }
  const role: Role = access.grants.some((grant) => grant.role === "editor") ? "editor" : "viewer";
  return { role, allAccounts: false, grants: access.grants };
}

/** An admin manages admins, editors and viewers; owners are made and changed by owners only. */
export function assertMayAssign(actor: Actor, role: Role): void {
  if (role === "owner" && actor.role !== "owner") {
    throw new AppError("forbidden", "Only an owner can make someone an owner");
  }
  if (!atLeast(actor.role, "admin")) throw new AppError("forbidden", "This needs the admin role");
}
