// How long a sign-in key must wait after its failures: pure, so the table below can be tested
// without a database. A key is an address ("ip:…") or an email ("email:…"); both must be free
// for an attempt to be checked at all.
//
// Growing delays, never a hard lockout: whoever knows a victim's email can fail sign-ins in
// their name, so the email's limit only slows guessing (to about 100 guesses a day per account
// once the delay reaches its cap) and is higher than the address's, which an attacker cannot
// fill for someone else.

export type ThrottleScope = "ip" | "email";

export interface ThrottlePolicy {
  /** Failures allowed with no wait at all (typos, a forgotten password or two). */
  freeFailures: number;
  /** The wait after the first failure past the free ones; it doubles with each failure after it. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const throttlePolicies: Record<ThrottleScope, ThrottlePolicy> = {
  ip: { freeFailures: 10, firstDelayMs: 1_000, maxDelayMs: 15 * 60_000 },
  email: { freeFailures: 20, firstDelayMs: 1_000, maxDelayMs: 15 * 60_000 },
};

/** A key with no failure for this long starts again from zero. */
export const forgetFailuresAfterMs = 24 * 3600_000;

/** The wait imposed once a key has `failures` failures in a row. */
export function delayAfterFailures(failures: number, policy: ThrottlePolicy): number {
  const beyondFree = failures - policy.freeFailures;
  if (beyondFree <= 0) return 0;
  return Math.min(policy.firstDelayMs * 2 ** Math.min(beyondFree - 1, 30), policy.maxDelayMs);
}

export function throttleKey(scope: ThrottleScope, value: string): string {
  return `${scope}:${value.trim().toLowerCase()}`;
}
