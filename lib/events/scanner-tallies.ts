// Keeps the unique-scanner tallies current in the event's transaction: ScannerDay (one row per
// scope, local day and scanner), ScannerDayTotal (scanners and first-timers per day) and
// ScannerReturn (returning scanners by the day of their previous scan). Distinct scanners over
// any range then cost O(days + returns in the range), never a scan of the scanners themselves:
//   unique(from, to) = Σ first-timers of the days + Σ returns in the days whose previousDay < from
// because each scanner of the range is counted once, on its first day in the range.
import { getDatabaseConfig, Prisma } from "@/lib/db/client";
import type { SqlRunner } from "@/lib/events/ingest-connection";

/** The scope of every channel of the account together (no scan has the scene ""). */
export const allChannelsScope = "";

export interface ScannerDayKey {
  accountId: string;
  /** Scenes, and/or allChannelsScope. */
  scopes: string[];
  openid: string;
  day: string;
}

/**
 * The key of a scanner's lock (on PostgreSQL, ingest-connection.ts: TransactionOptions): two events
 * of one scanner on different days must not read each other's neighbours half written. Ingest
 * holds it for every push of the follower, the follower's row included.
 */
export function scannerLockKey(accountId: string, openid: string): string {
  return `${accountId}|${openid}`;
}

/** A scope's days of the scanner around `day`, as knownScannerDaysSql reads them. */
export interface KnownScannerDays {
  scene: string;
  /** 1 when the day is counted already. */
  seen: number | bigint;
  previous: string | null;
  next: string | null;
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

/**
 * Adds a scanner's day to each scope once; a second scan the same day changes nothing. `known`:
 * the scopes' days as read under the scanner's lock already (ingest); without it the lock is taken
 * and the days read here.
 */
export async function recordScannerDay(sql: SqlRunner, key: ScannerDayKey, known?: KnownScannerDays[]): Promise<void> {
  const { accountId, openid, day } = key;
  if (!known && getDatabaseConfig().provider === "postgresql") {
    await sql.query(
      Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${scannerLockKey(accountId, openid)}, 0))`,
    );
  }
  const scopesDays = known ?? (await sql.query<KnownScannerDays>(knownScannerDaysSql(key)));
  const byScope = new Map(scopesDays.map((row) => [row.scene, row]));
  const added = key.scopes.flatMap((scope) => {
    const row = byScope.get(scope);
    return row && Number(row.seen) === 1 ? [] : [{ scope, previous: row?.previous ?? null, next: row?.next ?? null }];
  });
  if (added.length === 0) return;

  // New rows: nothing in the push reads them again (the scanner is locked).
  await sql.writeLater(Prisma.sql`
    INSERT INTO "ScannerDay" ("accountId", "scene", "day", "openid") VALUES ${Prisma.join(added.map(({ scope }) => Prisma.sql`(${accountId}, ${scope}, ${day}, ${openid})`))}`);
  await sql.addToCounters(
    "ScannerDayTotal",
    added.map(({ scope, previous }) => ({
      key: { accountId, scene: scope, day },
      counters: { scanners: 1, firstTimeScanners: previous === null ? 1 : 0 },
    })),
  );
  const returns = added.filter(({ previous }) => previous !== null);
  await sql.addToCounters(
    "ScannerReturn",
    returns.map(({ scope, previous }) => ({
      key: { accountId, scene: scope, day, previousDay: previous! },
      counters: { scanners: 1 },
    })),
  );
  // A late event (a day before one already counted) moves the next day's link to this day. A
  // link moved away leaves no zero row (ingest-counters.ts deletes it).
  for (const { scope, previous, next } of added) {
    if (next === null) continue;
    if (previous === null)
      await sql.addToCounters("ScannerDayTotal", [
        { key: { accountId, scene: scope, day: next }, counters: { firstTimeScanners: -1 } },
      ]);
    else
      await sql.addToCounters("ScannerReturn", [
        { key: { accountId, scene: scope, day: next, previousDay: previous }, counters: { scanners: -1 } },
      ]);
    await sql.addToCounters("ScannerReturn", [
      { key: { accountId, scene: scope, day: next, previousDay: day }, counters: { scanners: 1 } },
    ]);
  }
}
