// Sums of the ingest-time rollups (RollupDay, RollupHour) over a range: O(scenes × buckets) rows,
// never the raw events.
import { getDb, Prisma } from "@/lib/db/client";
import { hasScenes, sceneInScopeSql, type StatsScope } from "@/lib/analytics/scope";
import { dayColumnFor, type RangePlan } from "@/lib/analytics/range-plan";
import type { DayRange } from "@/lib/time/zone";
import type { SummaryCounts } from "@/lib/schemas/stats";
import { addRollupDelta, emptyRollupDelta, type RollupDelta } from "@/lib/events/rules/rollup-rules";

/** Scans, follows and unfollows, summed: the shape of what one event adds (rollup-rules.ts). */
export type RollupSums = RollupDelta;

export type SumRow = {
  scans: bigint | number | null;
  follows: bigint | number | null;
  unfollows: bigint | number | null;
};

export function toSums(row: SumRow): RollupSums {
  return { scans: Number(row.scans ?? 0), follows: Number(row.follows ?? 0), unfollows: Number(row.unfollows ?? 0) };
}

/**
 * Per local day, the channels in scope together. For every channel, the days are summed over all
 * scenes but "" and the scenes no channel owns are taken off: one pass in day order, where a list
 * of 500 scenes would make SQLite visit the rows scene by scene.
 */
export async function sumRollupsByDay(scope: StatsScope, range: DayRange): Promise<Map<string, RollupSums>> {
  if (!hasScenes(scope)) return new Map();
  const sumByDay = (sceneFilter: Prisma.Sql) =>
    getDb().$queryRaw<(SumRow & { day: string })[]>(Prisma.sql`
      SELECT r."day" AS "day", SUM(r."scans") AS "scans", SUM(r."follows") AS "follows", SUM(r."unfollows") AS "unfollows"
      FROM "RollupDay" r
      WHERE r."accountId" = ${scope.accountId} AND r."day" >= ${range.from} AND r."day" <= ${range.to}${sceneFilter}
      GROUP BY r."day"`);
  if (scope.isFiltered) {
    const rows = await sumByDay(sceneInScopeSql(scope, Prisma.sql`r."scene"`));
    return new Map(rows.map((row) => [row.day, toSums(row)]));
  }
  const [rows, unowned] = await Promise.all([sumByDay(Prisma.sql` AND r."scene" <> ''`), listUnownedScenes(scope)]);
  const byDay = new Map(rows.map((row) => [row.day, toSums(row)]));
  if (unowned.length === 0) return byDay;
  for (const row of await sumByDay(Prisma.sql` AND r."scene" IN (${Prisma.join(unowned)})`)) {
    const sums = byDay.get(row.day);
    if (sums) addRollupDelta(sums, toSums(row), -1);
  }
  return byDay;
}

/** Scenes seen in pushes that no channel owns (read from the key of RollupDay alone). */
async function listUnownedScenes(scope: StatsScope): Promise<string[]> {
  const rows = await getDb().$queryRaw<{ scene: string }[]>(Prisma.sql`
    SELECT r."scene" AS "scene" FROM "RollupDay" r WHERE r."accountId" = ${scope.accountId} AND r."scene" <> '' GROUP BY r."scene"`);
  return rows.map((row) => row.scene).filter((scene) => !scope.ownedScenes.has(scene));
}

/** Per local hour (keyed by the hour's UTC start in ms), the channels in scope together. */
export async function sumRollupsByHour(
  scope: StatsScope,
  startsAt: Date,
  endsBefore: Date,
): Promise<Map<number, RollupSums>> {
  if (!hasScenes(scope)) return new Map();
  const rows = await getDb().rollupHour.groupBy({
    by: ["hourStart"],
    where: {
      accountId: scope.accountId,
      hourStart: { gte: startsAt, lt: endsBefore },
      scene: { in: [...scope.channelScenes] },
    },
    _sum: { scans: true, follows: true, unfollows: true },
  });
  return new Map(
    rows.map((row) => [
      row.hourStart.getTime(),
      { scans: row._sum.scans ?? 0, follows: row._sum.follows ?? 0, unfollows: row._sum.unfollows ?? 0 },
    ]),
  );
}

export interface RollupClasses {
  /** The channels in scope. */
  channels: RollupSums;
  /** Scene "": follows without a code. */
  organic: RollupSums;
  /** Scenes no channel owns (reported whatever the filter). */
  unattributed: RollupSums;
}

/**
 * The summary's sums by class: one pass over the range's day rows grouped by scene (read from the
 * covering index, in scene order), each scene then put in its class here.
 */
export async function sumRollupClasses(scope: StatsScope, plan: RangePlan): Promise<RollupClasses> {
  const classes: RollupClasses = {
    channels: emptyRollupDelta(),
    organic: emptyRollupDelta(),
    unattributed: emptyRollupDelta(),
  };
  if (plan.isBeforeHistory) return classes;
  const day = dayColumnFor(plan, Prisma.sql`r."day"`);
  const rows = await getDb().$queryRaw<(SumRow & { scene: string })[]>(Prisma.sql`
    SELECT r."scene" AS "scene", SUM(r."scans") AS "scans", SUM(r."follows") AS "follows", SUM(r."unfollows") AS "unfollows"
    FROM "RollupDay" r
    WHERE r."accountId" = ${scope.accountId} AND ${day} >= ${plan.range.from} AND ${day} <= ${plan.range.to}
    GROUP BY r."scene"`);
  for (const row of rows) {
    const target =
      row.scene === ""
        ? classes.organic
        : scope.channelScenes.has(row.scene)
          ? classes.channels
          : scope.ownedScenes.has(row.scene)
            ? null
            : classes.unattributed;
    if (target) addRollupDelta(target, toSums(row));
  }
  return classes;
}

export function countsFromClasses(classes: RollupClasses, uniqueScanners: number): SummaryCounts {
  return {
    scans: classes.channels.scans,
    uniqueScanners,
    newFollows: classes.channels.follows,
    unfollows: classes.channels.unfollows,
    netFollows: classes.channels.follows - classes.channels.unfollows,
    organicFollows: classes.organic.follows,
    unattributedScans: classes.unattributed.scans,
  };
}
