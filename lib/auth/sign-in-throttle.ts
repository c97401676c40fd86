// Failed sign-ins counted per address and per email in the database (SignInThrottle), so every
// instance sharing it applies the same limits. The rules are in sign-in-throttle-rules.ts.
import { getDb, isUniqueViolation } from "@/lib/db/client";
import { RateLimitedError } from "@/lib/http/errors";
import {
  delayAfterFailures,
  forgetFailuresAfterMs,
  throttleKey,
  throttlePolicies,
  type ThrottleScope,
} from "@/lib/auth/sign-in-throttle-rules";

export interface SignInSource {
  email: string;
  /** null when the address cannot be known (no trusted proxy): only the email's limit applies. */
  ip: string | null;
}

function keysOf(source: SignInSource): { scope: ThrottleScope; key: string }[] {
  const keys: { scope: ThrottleScope; key: string }[] = [{ scope: "email", key: throttleKey("email", source.email) }];
  if (source.ip) keys.unshift({ scope: "ip", key: throttleKey("ip", source.ip) });
  return keys;
}

/** Throws 429 with Retry-After while the address or the email must still wait. Checks no password. */
export async function assertSignInAllowed(source: SignInSource, now = new Date()): Promise<void> {
  const rows = await getDb().signInThrottle.findMany({
    where: { key: { in: keysOf(source).map(({ key }) => key) }, blockedUntil: { gt: now } },
  });
  const waitMs = Math.max(0, ...rows.map((row) => row.blockedUntil!.getTime() - now.getTime()));
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new RateLimitedError(
      `Too many failed sign-ins. Wait ${seconds} second${seconds === 1 ? "" : "s"} before trying again.`,
      seconds,
    );
  }
}

/** Counts a failure against the address and the email; returns the email's failures in a row. */
export async function recordSignInFailure(source: SignInSource, now = new Date()): Promise<number> {
  let emailFailures = 0;
  for (const { scope, key } of keysOf(source)) {
    const failures = await incrementFailures(key, now);
    const delayMs = delayAfterFailures(failures, throttlePolicies[scope]);
    if (delayMs > 0) {
      await getDb().signInThrottle.update({
        where: { key },
        data: { blockedUntil: new Date(now.getTime() + delayMs) },
      });
    }
    if (scope === "email") emailFailures = failures;
  }
  return emailFailures;
}

/** A success clears the email's count (not the address's: one good account must not reset it). */
export async function recordSignInSuccess(source: SignInSource): Promise<void> {
  await getDb().signInThrottle.deleteMany({ where: { key: throttleKey("email", source.email) } });
}

/** Rows quiet for a day, removed by the job worker's housekeeping. */
export async function purgeStaleSignInThrottles(now = new Date()): Promise<number> {
  const { count } = await getDb().signInThrottle.deleteMany({
    where: { lastFailureAt: { lt: new Date(now.getTime() - forgetFailuresAfterMs) } },
  });
  return count;
}

async function incrementFailures(key: string, now: Date): Promise<number> {
  const db = getDb();
  const existing = await db.signInThrottle.findUnique({ where: { key } });
  if (existing && now.getTime() - existing.lastFailureAt.getTime() > forgetFailuresAfterMs) {
    await db.signInThrottle.update({ where: { key }, data: { failures: 0, blockedUntil: null } });
  }
  try {
    const row = await db.signInThrottle.upsert({
      where: { key },
      create: { key, failures: 1, lastFailureAt: now },
      update: { failures: { increment: 1 }, lastFailureAt: now },
    });
    return row.failures;
  } catch (error) {
    // Two instances created the row at once: the other insert won, count on top of it.
    if (!isUniqueViolation(error)) throw error;
    const row = await db.signInThrottle.update({
      where: { key },
      data: { failures: { increment: 1 }, lastFailureAt: now },
    });
    return row.failures;
  }
}
