// The unique-scanner tallies: ScannerDay (one row per scope, local day and scanner),
// ScannerDayTotal (scanners and first-timers per day) and ScannerReturn (returning scanners by the
// day of their previous scan). Distinct scanners over any range then cost O(days + returns in the
// range), never a scan of the scanners themselves:
//   unique(from, to) = Σ first-timers of the days + Σ returns in the days whose previousDay < from
// because each scanner of the range is counted once, on its first day in the range.
import type { CounterAddition } from "@/lib/events/rules/counter-additions";

/** The scope of every channel of the account together (no scan has the scene ""). */
export const allChannelsScope = "";

export interface ScannerDayKey {
  accountId: string;
  /** Scenes, and/or allChannelsScope. */
  scopes: string[];
  openid: string;
  day: string;
}

/** A scope's days of the scanner around `day`, as read under the scanner's lock. */
export interface KnownScannerDays {
  scene: string;
  /** 1 when the day is counted already. */
  seen: number | bigint;
  previous: string | null;
  next: string | null;
}

/** A ScannerDay row to insert. */
export interface ScannerDayRow {
  accountId: string;
  scene: string;
  day: string;
  openid: string;
}

/**
 * Adds a scanner's day to each scope once; a second scan the same day changes nothing. A late
 * event (a day before one already counted) moves the next day's link to this day; a link moved
 * away leaves no zero row (the counter writer deletes it).
 */
export function scannerDayEffectsOf(
  key: ScannerDayKey,
  known: KnownScannerDays[],
): { scannerDays: ScannerDayRow[]; counterAdditions: CounterAddition[] } {
  const { accountId, openid, day } = key;
  const byScope = new Map(known.map((row) => [row.scene, row]));
  const added = key.scopes.flatMap((scope) => {
    const row = byScope.get(scope);
    return row && Number(row.seen) === 1 ? [] : [{ scope, previous: row?.previous ?? null, next: row?.next ?? null }];
  });

  const counterAdditions: CounterAddition[] = [];
  for (const { scope, previous } of added) {
    counterAdditions.push({
      table: "ScannerDayTotal",
      key: { accountId, scene: scope, day },
      counters: { scanners: 1, firstTimeScanners: previous === null ? 1 : 0 },
    });
    if (previous !== null)
      counterAdditions.push({
        table: "ScannerReturn",
        key: { accountId, scene: scope, day, previousDay: previous },
        counters: { scanners: 1 },
      });
  }
  for (const { scope, previous, next } of added) {
    if (next === null) continue;
    if (previous === null)
      counterAdditions.push({
        table: "ScannerDayTotal",
        key: { accountId, scene: scope, day: next },
        counters: { firstTimeScanners: -1 },
      });
    else
      counterAdditions.push({
        table: "ScannerReturn",
        key: { accountId, scene: scope, day: next, previousDay: previous },
        counters: { scanners: -1 },
      });
    counterAdditions.push({
      table: "ScannerReturn",
      key: { accountId, scene: scope, day: next, previousDay: day },
      counters: { scanners: 1 },
    });
  }

  return {
    scannerDays: added.map(({ scope }) => ({ accountId, scene: scope, day, openid })),
    counterAdditions,
  };
}
