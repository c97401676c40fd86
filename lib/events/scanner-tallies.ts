// The unique-scanner tallies' reads and writes (their rules: rules/scanner-day-rules.ts), for the
// jobs that add scanner-days outside a push (lib/jobs/claimed-scene-scanners.ts); a push reads the
// scanner's days with the follower (store-event.ts).
import { getDialect, Prisma } from "@/lib/db/client";
import type { SqlRunner } from "@/lib/db/ingest/connection";
import { scannerDayEffectsOf, type KnownScannerDays, type ScannerDayKey } from "@/lib/events/rules/scanner-day-rules";
import { addToCounters, insertScannerDaysSql } from "@/lib/events/write-effects";

export { allChannelsScope } from "@/lib/events/rules/scanner-day-rules";

/**
 * The key of a scanner's lock (on PostgreSQL, lib/db/ingest/sql-runner.ts: TransactionOptions): two events
 * of one scanner on different days must not read each other's neighbours half written. Ingest
 * holds it for every push of the follower, the follower's row included.
 */
export function scannerLockKey(accountId: string, openid: string): string {
  return `${accountId}|${openid}`;
}

/**
 * Per scope, in one read: is the day counted already, and the scanner's days just before and after
 * it. A subquery, so ingest can read it with the follower in one statement.
 */
export function knownScannerDaysSql(key: ScannerDayKey): Prisma.Sql {
  const { accountId, openid, day } = key;
  return Prisma.sql`
    SELECT s."scene" AS "scene", MAX(CASE WHEN s."day" = ${day} THEN 1 ELSE 0 END) AS "seen",
      MAX(CASE WHEN s."day" < ${day} THEN s."day" END) AS "previous", MIN(CASE WHEN s."day" > ${day} THEN s."day" END) AS "next"
    FROM "ScannerDay" s
    WHERE s."accountId" = ${accountId} AND s."openid" = ${openid} AND s."scene" IN (${Prisma.join(key.scopes)})
    GROUP BY s."scene"`;
}

/** Adds a scanner's day to each scope once, under the scanner's lock; a second time changes nothing. */
export async function recordScannerDay(sql: SqlRunner, key: ScannerDayKey): Promise<void> {
  const { accountId, openid } = key;
  // The same lock as a push of this scanner takes (TransactionOptions.lockKey).
  const lock = getDialect().lockSql(scannerLockKey(accountId, openid));
  if (lock) await sql.query(lock);
  const known = await sql.query<KnownScannerDays>(knownScannerDaysSql(key));
  const { scannerDays, counterAdditions } = scannerDayEffectsOf(key, known);

  // Written now, not later: the job's next call may be this scanner's next day, which reads this
  // one's row as its previous day (writeLater's rows are not seen by the next statement).
  if (scannerDays.length > 0) await sql.execute(insertScannerDaysSql(scannerDays));
  await addToCounters(sql, counterAdditions);
}
