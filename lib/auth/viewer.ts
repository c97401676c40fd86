// What the browser is told about the signed-in user: enough to show only the controls they may
// use (the server checks again on every request). Safe to send: ids, email, roles.
import { atLeast, type Role } from "@/lib/auth/roles";

export interface Viewer {
  id: string;
  email: string;
  role: Role;
  allAccounts: boolean;
  grants: Readonly<Record<string, Role>>;
  /** Signed in with a temporary password: asked to choose their own. */
  mustChangePassword: boolean;
}

/** The viewer's role on an account (null: they do not see it). */
export function viewerRoleOn(viewer: Viewer, accountId: string | null | undefined): Role | null {
  if (viewer.allAccounts) return viewer.role;
  return accountId ? (viewer.grants[accountId] ?? null) : null;
}

export function viewerMay(viewer: Viewer, needed: Role, accountId?: string | null): boolean {
  return atLeast(accountId === undefined ? viewer.role : viewerRoleOn(viewer, accountId), needed);
}
