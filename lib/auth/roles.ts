// Roles in increasing power; a route names the least it needs.
export const roles = ["viewer", "editor", "admin"] as const;
export type Role = (typeof roles)[number];

export function hasRole(actor: { role: string }, needed: Role): boolean {
  return roles.indexOf(actor.role as Role) >= roles.indexOf(needed);
}
