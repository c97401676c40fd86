// Records what WeChat last did with an account (verified the URL, pushed, was refused) and the
// last failed token fetch, for the accounts page. The webhook's hot path must not gain a write per
// push: lastPushAt is written at most every 30 s and lastError at most every 10 s per account and
// process (the page shows minutes, and a run of refusals is one problem, not a thousand).
import { getDb } from "@/lib/db/client";
import { encodeAccountError, type AccountError } from "@/lib/accounts/account-status";
import { log } from "@/lib/log";

export const pushWriteIntervalMs = 30_000;
export const errorWriteIntervalMs = 10_000;

const lastPushWrite = new Map<string, number>();
const lastErrorWrite = new Map<string, number>();
const maxTrackedAccounts = 10_000;

function isDue(writes: Map<string, number>, accountId: string, intervalMs: number, now: number): boolean {
  const last = writes.get(accountId);
  if (last !== undefined && now - last < intervalMs) return false;
  if (writes.size > maxTrackedAccounts) writes.clear();
  writes.set(accountId, now);
  return true;
}

/** A health write must never fail the webhook's answer (the account may just have been deleted). */
async function writeHealth(accountId: string, data: Record<string, unknown>): Promise<void> {
  try {
    await getDb().account.updateMany({ where: { id: accountId }, data });
  } catch (error) {
    log.warn({ accountId, err: error }, "could not record the account's health");
  }
}

/** WeChat (or someone with the Token) verified the server URL: rare, always written. */
export async function recordVerification(accountId: string, now = new Date()): Promise<void> {
  await writeHealth(accountId, { lastVerifiedAt: now });
}

export async function recordPushReceived(accountId: string, now = new Date()): Promise<void> {
  if (!isDue(lastPushWrite, accountId, pushWriteIntervalMs, now.getTime())) return;
  await writeHealth(accountId, { lastPushAt: now });
}

export async function recordAccountError(accountId: string, error: AccountError, now = new Date()): Promise<void> {
  if (!isDue(lastErrorWrite, accountId, errorWriteIntervalMs, now.getTime())) return;
  // The next good push is written at once, so the page does not show a stale error for 30 s.
  lastPushWrite.delete(accountId);
  await writeHealth(accountId, { lastErrorAt: now, lastError: encodeAccountError(error) });
}

/** Forgets the throttles (an account deleted, or a test starting clean). */
export function forgetHealthWrites(accountId?: string): void {
  if (accountId === undefined) {
    lastPushWrite.clear();
    lastErrorWrite.clear();
    return;
  }
  lastPushWrite.delete(accountId);
  lastErrorWrite.delete(accountId);
}
