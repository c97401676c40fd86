// Keeps the unique-scanner tallies current in the event's transaction: ScannerDay (one row per
// scope, local day and scanner), ScannerDayTotal (scanners and first-timers per day) and
// ScannerReturn (returning scanners by the day of their previous scan). Distinct scanners over
// any range then cost O(days + returns in the range), never a scan of the scanners themselves:
//   unique(from, to) = Σ first-timers of the days + Σ returns in the days whose previousDay < from
// because each scanner of the range is counted once, on its first day in the range.
import { getDatabaseConfig, Prisma, type Transaction } from "@/lib/db/client";

/** The scope of every channel of the account together (no scan has the scene ""). */
export const allChannelsScope = "";

export interface ScannerDayKey {
  accountId: string;
  /** A scene, or allChannelsScope. */
  scope: string;
  openid: string;
  day: string;
}

/** Adds a scanner's day to a scope once; a second scan the same day changes nothing. */
export async function recordScannerDay(tx: Transaction, key: ScannerDayKey): Promise<void> {
  const { accountId, scope, openid, day } = key;
  if (getDatabaseConfig().provider === "postgresql") {
    // Two events of one scanner on different days must not read each other's neighbours half
    // written (SQLite runs one writer at a time already).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${accountId}|${openid}`}, 0))`;
  }
  const inserted = await tx.$executeRaw`
    INSERT INTO "ScannerDay" ("accountId", "scene", "day", "openid") VALUES (${accountId}, ${scope}, ${day}, ${openid})
    ON CONFLICT DO NOTHING`;
  if (inserted === 0) return;
  const neighbour = (where: Prisma.ScannerDayWhereInput, order: Prisma.SortOrder) =>
    tx.scannerDay.findFirst({ where: { accountId, scene: scope, openid, ...where }, orderBy: { day: order }, select: { day: true } });
  const previous = (await neighbour({ day: { lt: day } }, "desc"))?.day ?? null;
  // A late event (a day before one already counted) moves the next day's link to this day.
  const next = (await neighbour({ day: { gt: day } }, "asc"))?.day ?? null;

  await addToDayTotal(tx, accountId, scope, day, { scanners: 1, firstTimeScanners: previous === null ? 1 : 0 });
  if (previous !== null) await addToReturns(tx, accountId, scope, day, previous, 1);
  if (next === null) return;
  if (previous === null) await addToDayTotal(tx, accountId, scope, next, { scanners: 0, firstTimeScanners: -1 });
  else await addToReturns(tx, accountId, scope, next, previous, -1);
  await addToReturns(tx, accountId, scope, next, day, 1);
}

async function addToDayTotal(tx: Transaction, accountId: string, scene: string, day: string, delta: { scanners: number; firstTimeScanners: number }): Promise<void> {
  await tx.scannerDayTotal.upsert({
    where: { accountId_scene_day: { accountId, scene, day } },
    create: { accountId, scene, day, ...delta },
    update: { scanners: { increment: delta.scanners }, firstTimeScanners: { increment: delta.firstTimeScanners } },
  });
}

async function addToReturns(tx: Transaction, accountId: string, scene: string, day: string, previousDay: string, scanners: number): Promise<void> {
  const key = { accountId_scene_day_previousDay: { accountId, scene, day, previousDay } };
  if (scanners > 0) {
    await tx.scannerReturn.upsert({ where: key, create: { accountId, scene, day, previousDay, scanners }, update: { scanners: { increment: scanners } } });
    return;
  }
  const { scanners: left } = await tx.scannerReturn.update({ where: key, data: { scanners: { increment: scanners } }, select: { scanners: true } });
  // The same rows as if the events had come in order.
  if (left === 0) await tx.scannerReturn.delete({ where: key });
}
