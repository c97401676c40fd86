// Keeps the unique-scanner tallies current in the event's transaction: ScannerDay (one row per
// scope, local day and scanner), ScannerDayTotal (scanners and first-timers per day) and
// ScannerReturn (returning scanners by the day of their previous scan). Distinct scanners over
// any range then cost O(days + returns in the range), never a scan of the scanners themselves:
//   unique(from, to) = Σ first-timers of the days + Σ returns in the days whose previousDay < from
// because each scanner of the range is counted once, on its first day in the range.
import { getDatabaseConfig, Prisma } from "@/lib/db/client";
import type { SqlRunner } from "@/lib/events/ingest-connection";
import { addToCounters } from "@/lib/events/ingest-sql";

/** The scope of every channel of the account together (no scan has the scene ""). */
export const allChannelsScope = "";

export interface ScannerDayKey {
  accountId: string;
  /** Scenes, and/or allChannelsScope. */
  scopes: string[];
  openid: string;
  day: string;
}

/** Adds a scanner's day to each scope once; a second scan the same day changes nothing. */
export async function recordScannerDay(sql: SqlRunner, key: ScannerDayKey): Promise<void> {
  if (getDatabaseConfig().provider === "postgresql") {
    // Two events of one scanner on different days must not read each other's neighbours half
    // written (SQLite runs one writer at a time already).
    await sql.query(Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${key.accountId}|${key.openid}`}, 0))`);
  }
  for (const scope of key.scopes) await recordInScope(sql, key.accountId, scope, key.openid, key.day);
}

async function recordInScope(sql: SqlRunner, accountId: string, scope: string, openid: string, day: string): Promise<void> {
  const inserted = await sql.execute(Prisma.sql`
    INSERT INTO "ScannerDay" ("accountId", "scene", "day", "openid") VALUES (${accountId}, ${scope}, ${day}, ${openid})
    ON CONFLICT DO NOTHING`);
  if (inserted === 0) return;
  // The scanner's days in the scope just before and after this one (one index range each way).
  const [neighbours] = await sql.query<{ previous: string | null; next: string | null }>(Prisma.sql`
    SELECT
      (SELECT MAX(s."day") FROM "ScannerDay" s WHERE s."accountId" = ${accountId} AND s."scene" = ${scope} AND s."openid" = ${openid} AND s."day" < ${day}) AS "previous",
      (SELECT MIN(s."day") FROM "ScannerDay" s WHERE s."accountId" = ${accountId} AND s."scene" = ${scope} AND s."openid" = ${openid} AND s."day" > ${day}) AS "next"`);
  const previous = neighbours?.previous ?? null;
  // A late event (a day before one already counted) moves the next day's link to this day.
  const next = neighbours?.next ?? null;

  await addToDayTotal(sql, accountId, scope, day, { scanners: 1, firstTimeScanners: previous === null ? 1 : 0 });
  if (previous !== null) await addToReturns(sql, accountId, scope, day, previous, 1);
  if (next === null) return;
  if (previous === null) await addToDayTotal(sql, accountId, scope, next, { scanners: 0, firstTimeScanners: -1 });
  else await addToReturns(sql, accountId, scope, next, previous, -1);
  await addToReturns(sql, accountId, scope, next, day, 1);
}

async function addToDayTotal(sql: SqlRunner, accountId: string, scene: string, day: string, delta: { scanners: number; firstTimeScanners: number }): Promise<void> {
  await addToCounters(sql, "ScannerDayTotal", { accountId, scene, day }, delta);
}

async function addToReturns(sql: SqlRunner, accountId: string, scene: string, day: string, previousDay: string, scanners: number): Promise<void> {
  await addToCounters(sql, "ScannerReturn", { accountId, scene, day, previousDay }, { scanners });
  // The same rows as if the events had come in order: a link moved away leaves no zero row.
  if (scanners < 0) await sql.execute(Prisma.sql`DELETE FROM "ScannerReturn" WHERE "accountId" = ${accountId} AND "scene" = ${scene} AND "day" = ${day} AND "previousDay" = ${previousDay} AND "scanners" = 0`);
}
