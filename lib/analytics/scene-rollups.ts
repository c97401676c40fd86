// The channel table's counts and retention in one pass over RollupDay: a row per channel's scene
// with its sums over the range and, for each N, the cohort days at least N days old (the cohort
// counts ingest keeps: lib/events/follow-cohorts.ts). The rows as channelScenesRows reads them
// (on SQLite channel by channel from the covering (accountId, scene, day, …) index): O(channels ×
// days in the range) rows, read once.
import { getDb, Prisma } from "@/lib/db/client";
import { retentionRate } from "@/lib/analytics/retention";
import { toSums, type RollupSums, type SumRow } from "@/lib/analytics/rollup-sums";
import { keptDayColumns, retentionDays, type RetentionDays } from "@/lib/events/follow-cohorts";
import type { RangePlan } from "@/lib/analytics/range-plan";
import { addDays } from "@/lib/time/zone";
import { channelScenesRows } from "@/lib/analytics/sql";
import type { Retention } from "@/lib/schemas/stats";

export interface SceneRollup {
  sums: RollupSums;
  retention: Retention;
}

type Count = bigint | number | null;
type SceneRow = SumRow & { scene: string } & Record<`eligible${RetentionDays}` | `retained${RetentionDays}`, Count>;

/** Every channel's scene with rows in the range. */
export async function sumRollupsWithRetentionByScene(
  accountId: string,
  plan: RangePlan,
  today: string,
): Promise<Map<string, SceneRollup>> {
  if (plan.isBeforeHistory) return new Map();
  const cohortSums = (days: RetentionDays) => {
    const isOldEnough = Prisma.sql`r."day" <= ${addDays(today, -days)}`;
    const kept = Prisma.raw(`r."${keptDayColumns[days]}"`);
    return Prisma.sql`SUM(CASE WHEN ${isOldEnough} THEN r."cohortFollows" ELSE 0 END) AS ${Prisma.raw(`"eligible${days}"`)},
      SUM(CASE WHEN ${isOldEnough} THEN ${kept} ELSE 0 END) AS ${Prisma.raw(`"retained${days}"`)}`;
  };
  const rows = channelScenesRows("RollupDay", "r", accountId, plan.range);
  const sums = await getDb().$queryRaw<SceneRow[]>(Prisma.sql`
    SELECT ${rows.scene} AS "scene", SUM(r."scans") AS "scans", SUM(r."follows") AS "follows", SUM(r."unfollows") AS "unfollows",
      ${Prisma.join(retentionDays.map(cohortSums), ", ")}
    ${rows.fromWhere}
    GROUP BY ${rows.scene}`);
  const rateOf = (row: SceneRow, days: RetentionDays) =>
    retentionRate({ eligible: Number(row[`eligible${days}`] ?? 0), retained: Number(row[`retained${days}`] ?? 0) });
  return new Map(
    sums.map((row) => [
      row.scene,
      { sums: toSums(row), retention: { d1: rateOf(row, 1), d7: rateOf(row, 7), d30: rateOf(row, 30) } },
    ]),
  );
}
