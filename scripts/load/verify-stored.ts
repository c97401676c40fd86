// The load tool's check: every acknowledged push is in the database exactly once. Exact, not a
// count: each push is looked up by the key the webhook stores it under.
import { getDb } from "@/lib/db/client";

export interface AcknowledgedPush {
  accountId: string;
  occurredAtSeconds: number;
  dedupeKey: string;
}

export interface StoredCheck {
  acknowledged: number;
  /** Acknowledged but not in the database: lost. Must be 0. */
  missing: AcknowledgedPush[];
  /** Keys stored more than once. Must be 0. */
  duplicated: number;
  /** Stored though no delivery was acknowledged (the server stored it, the answer came too late or not at all). */
  storedUnacknowledged: number;
  stored: number;
}

const keyOf = (accountId: string, occurredAtSeconds: number, dedupeKey: string) =>
  `${accountId}\u0000${occurredAtSeconds}\u0000${dedupeKey}`;

export async function verifyStored(accountIds: string[], acknowledged: AcknowledgedPush[]): Promise<StoredCheck> {
  const storedCounts = new Map<string, number>();
  for (const accountId of accountIds) {
    const rows = await getDb().event.findMany({
      where: { accountId },
      select: { occurredAt: true, dedupeKey: true },
    });
    for (const row of rows) {
      const key = keyOf(accountId, Math.round(row.occurredAt.getTime() / 1000), row.dedupeKey);
      storedCounts.set(key, (storedCounts.get(key) ?? 0) + 1);
    }
  }

  const acknowledgedKeys = new Set(
    acknowledged.map((push) => keyOf(push.accountId, push.occurredAtSeconds, push.dedupeKey)),
  );
  const missing = acknowledged.filter(
    (push) => !storedCounts.has(keyOf(push.accountId, push.occurredAtSeconds, push.dedupeKey)),
  );
  let duplicated = 0;
  let storedUnacknowledged = 0;
  let stored = 0;
  for (const [key, count] of storedCounts) {
    stored += count;
    if (count > 1) duplicated++;
    if (!acknowledgedKeys.has(key)) storedUnacknowledged++;
  }
  return { acknowledged: acknowledgedKeys.size, missing, duplicated, storedUnacknowledged, stored };
}
