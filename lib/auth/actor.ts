// Who is calling, and what they may touch. Built once per request by lib/auth/authenticate.ts
// from a session or an API key; lib/auth/account-scope.ts answers every "may they?" from it.
import { atLeast, highestRole, isRole, type Role } from "@/lib/auth/roles";

export interface Actor {
  kind: "user" | "apiKey";
  id: string;
  /** Email or key name, for the audit log and the top bar. */
  label: string;
  /** The role on every account when allAccounts, else the highest of the grants. */
  role: Role;
  allAccounts: boolean;
  /** accountId → role, when not allAccounts. */
  grants: Readonly<Record<string, Role>>;
  /** The user behind the request (a key's creator for an API key). */
  userId: string | null;
  sessionId?: string;
  /** A person signed in with a temporary password (made by an admin, or reset by an owner). */
  mustChangePassword?: boolean;
}

export function roleOnAccount(actor: Actor, accountId: string): Role | null {
  if (actor.allAccounts) return actor.role;
  return actor.grants[accountId] ?? null;
}

export function mayOnAccount(actor: Actor, accountId: string, needed: Role): boolean {
  return atLeast(roleOnAccount(actor, accountId), needed);
}

/** Grants read from the database, with unknown role strings dropped rather than trusted. */
export function grantsFrom(rows: { accountId: string; role: string }[], capRole?: Role): Record<string, Role> {
  const grants: Record<string, Role> = {};
  for (const row of rows) {
    if (!isRole(row.role)) continue;
    grants[row.accountId] = capRole && !atLeast(capRole, row.role) ? capRole : row.role;
  }
  return grants;
}

export function limitedRole(grants: Record<string, Role>): Role {
  return highestRole(Object.values(grants)) ?? "viewer";
}
