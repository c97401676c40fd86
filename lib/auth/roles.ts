// Roles in increasing power; a route names the least it needs.
//   viewer: read and export · editor: channels, codes, imports, sandbox scans, shares
//   admin: accounts, people, API keys, settings · owner: everything, and cannot be locked out
export const roles = ["viewer", "editor", "admin", "owner"] as const;
export type Role = (typeof roles)[number];

/** Roles a user limited to a list of accounts may hold on one of them. */
export const accountGrantRoles = ["viewer", "editor"] as const satisfies readonly Role[];
export type AccountGrantRole = (typeof accountGrantRoles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function atLeast(role: Role | null | undefined, needed: Role): boolean {
  return role != null && roles.indexOf(role) >= roles.indexOf(needed);
}

export function highestRole(candidates: Iterable<Role>): Role | null {
  let highest: Role | null = null;
  for (const role of candidates) if (!highest || atLeast(role, highest)) highest = role;
  return highest;
}
