// When a failed job runs again. WeChat's quotas say when they reset, so those wait for the
// reset instead of knocking every few seconds.
import type { JobOutcome } from "@/lib/jobs/job-types";

export const maxJobAttempts = 8;
const backoffBaseMs = 2_000;
const backoffMaxMs = 3_600_000;

/** 2 s, 6 s, 18 s, 54 s, … capped at an hour; `attempts` counts the run that just failed. */
export function backoffDelayMs(attempts: number): number {
  return Math.min(backoffBaseMs * 3 ** Math.max(0, attempts - 1), backoffMaxMs);
}

/** The next run time for a retry outcome, or null when the job has used all its attempts. */
export function nextRunAt(
  outcome: Extract<JobOutcome, { status: "retry" }>,
  attempts: number,
  now = new Date(),
): Date | null {
  if (attempts >= maxJobAttempts) return null;
  return outcome.retryAt ?? new Date(now.getTime() + backoffDelayMs(attempts));
}

/** WeChat's daily quotas reset at midnight in Beijing (UTC+8, no daylight saving). */
export function nextBeijingMidnight(now = new Date()): Date {
  const beijingOffsetMs = 8 * 3_600_000;
  const dayMs = 86_400_000;
  const beijingDayStart = Math.floor((now.getTime() + beijingOffsetMs) / dayMs) * dayMs;
  return new Date(beijingDayStart + dayMs - beijingOffsetMs + 60_000);
}
