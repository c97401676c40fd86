// The one place that decides which accounts a request may touch. The route wrapper
// (lib/http/route.ts) runs each authenticated handler inside `withActorScope`; domain code that
// reads an account (findAccountRow, a channel's account, account lists) asks this module. Code
// running outside a request (the webhook, jobs, the CLI) has no scope and is not limited.
import { AsyncLocalStorage } from "node:async_hooks";
import { mayOnAccount, roleOnAccount, type Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { AppError, notFound } from "@/lib/http/errors";

interface ActorScope {
  actor: Actor;
  /** The least role the route declared: the actor must hold it on every account it touches. */
  neededRole: Role;
  ip: string | null;
  /** Set once the handler wrote its own audit row (lib/audit/audit-log.ts). */
  audited: boolean;
}

const scopeStorage = new AsyncLocalStorage<ActorScope>();

export function withActorScope<T>(actor: Actor, neededRole: Role, ip: string | null, run: () => T): T {
  return scopeStorage.run({ actor, neededRole, ip, audited: false }, run);
}

export function currentActor(): Actor | null {
  return scopeStorage.getStore()?.actor ?? null;
}

export function currentRequestIp(): string | null {
  return scopeStorage.getStore()?.ip ?? null;
}

export function markAudited(): void {
  const scope = scopeStorage.getStore();
  if (scope) scope.audited = true;
}

export function wasAudited(): boolean {
  return scopeStorage.getStore()?.audited ?? false;
}

/**
 * Throws unless the current request may touch the account with the route's role: 404 when the
 * account is outside the actor's accounts (it must look exactly like one that does not exist),
 * 403 when they see it but with a lesser role.
 */
export function assertAccountAccess(accountId: string): void {
  const scope = scopeStorage.getStore();
  if (!scope) return;
  if (!roleOnAccount(scope.actor, accountId)) throw notFound("Account");
  if (!mayOnAccount(scope.actor, accountId, scope.neededRole)) {
    throw new AppError("forbidden", `This needs the ${scope.neededRole} role on this account`);
  }
}

/** null = every account; else the ids the current request may see (for account lists). */
export function accountIdsInScope(): string[] | null {
  const scope = scopeStorage.getStore();
  if (!scope || scope.actor.allAccounts) return null;
  return Object.keys(scope.actor.grants);
}

/** A Prisma `where` on Account.id that keeps only what the current request may see. */
export function accountIdFilter(): { in: string[] } | undefined {
  const ids = accountIdsInScope();
  return ids ? { in: ids } : undefined;
}

/** Whether the current request may see the account at all (any role). */
export function isAccountInScope(accountId: string): boolean {
  const scope = scopeStorage.getStore();
  return !scope || roleOnAccount(scope.actor, accountId) !== null;
}
