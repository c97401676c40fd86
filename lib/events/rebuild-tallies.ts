// Rebuilds an account's derived analytics rows from the stored facts, for rows written without
// ingest: the bulk seed, and databases that existed before the tallies did (scripts/db-migrate.ts).
// The result equals what ingest keeps current event by event; tests/integration/analytics-seed
// checks that a seeded history rebuilt here matches the same history pushed through the webhook.
import { getDb, Prisma } from "@/lib/db/client";
import { allChannelsScope } from "@/lib/events/rules/scanner-day-rules";
import { keptColumnsOf } from "@/lib/events/rules/rollup-rules";
import { localDayFunction } from "@/lib/time/zone";

/**
 * Not through rules/scanner-day-rules.ts: that rule adds one scanner-day at a time, reading its
 * neighbours, which over a seeded history of millions of scans would be millions of statements. The
 * window function (LAG) below gives every day its previous day in one pass; the result is the same
 * (tests/integration/analytics-seed.test.ts compares them).
 *
 * ScannerDay's all-channels rows from the channel scenes' rows, then ScannerDayTotal and
 * ScannerReturn of every scope: each scanner-day with the scanner's previous day in the scope.
 */
export async function rebuildScannerTallies(accountId: string): Promise<void> {
  const db = getDb();
  await db.$transaction(
    async (tx) => {
      await tx.scannerDay.deleteMany({ where: { accountId, scene: allChannelsScope } });
      await tx.scannerDayTotal.deleteMany({ where: { accountId } });
      await tx.scannerReturn.deleteMany({ where: { accountId } });
      await tx.$executeRaw`
        INSERT INTO "ScannerDay" ("accountId", "scene", "day", "openid")
        SELECT DISTINCT s."accountId", ${allChannelsScope}, s."day", s."openid"
        FROM "ScannerDay" s JOIN "Channel" c ON c."accountId" = s."accountId" AND c."scene" = s."scene"
        WHERE s."accountId" = ${accountId} AND s."scene" <> ${allChannelsScope}`;
      const withPreviousDay = Prisma.sql`(
        SELECT s."scene" AS "scene", s."day" AS "day", LAG(s."day") OVER (PARTITION BY s."openid", s."scene" ORDER BY s."day") AS "previousDay"
        FROM "ScannerDay" s WHERE s."accountId" = ${accountId}) o`;
      await tx.$executeRaw`
        INSERT INTO "ScannerDayTotal" ("accountId", "scene", "day", "scanners", "firstTimeScanners")
        SELECT ${accountId}, o."scene", o."day", COUNT(*), SUM(CASE WHEN o."previousDay" IS NULL THEN 1 ELSE 0 END)
        FROM ${withPreviousDay}
        GROUP BY o."scene", o."day"`;
      await tx.$executeRaw`
        INSERT INTO "ScannerReturn" ("accountId", "scene", "day", "previousDay", "scanners")
        SELECT ${accountId}, o."scene", o."day", o."previousDay", COUNT(*)
        FROM ${withPreviousDay}
        WHERE o."previousDay" IS NOT NULL
        GROUP BY o."scene", o."day", o."previousDay"`;
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
}

const periodPage = 50_000;

/** RollupDay's cohort columns from the follow periods (local days need the zone: not plain SQL). */
export async function rebuildFollowCohorts(accountId: string, timeZone: string): Promise<void> {
  const db = getDb();
  const localDay = localDayFunction(timeZone);
  type Cohort = { cohortFollows: number; keptDay1: number; keptDay7: number; keptDay30: number };
  const cohorts = new Map<string, Cohort>();
  for (let afterId = 0; ;) {
    const periods = await db.followPeriod.findMany({
      where: { accountId, id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: periodPage,
      select: { id: true, scene: true, startedAt: true, endedAt: true },
    });
    if (periods.length === 0) break;
    for (const period of periods) {
      const day = localDay(period.startedAt);
      const key = `${day}\n${period.scene}`;
      let cohort = cohorts.get(key);
      if (!cohort) cohorts.set(key, (cohort = { cohortFollows: 0, keptDay1: 0, keptDay7: 0, keptDay30: 0 }));
      cohort.cohortFollows += 1;
      for (const column of keptColumnsOf(day, period.endedAt === null ? null : localDay(period.endedAt)))
        cohort[column] += 1;
    }
    afterId = periods.at(-1)!.id;
  }
  await db.$transaction(
    async (tx) => {
      await tx.rollupDay.updateMany({
        where: { accountId },
        data: { cohortFollows: 0, keptDay1: 0, keptDay7: 0, keptDay30: 0 },
      });
      for (const [key, cohort] of cohorts) {
        const [day, scene] = key.split("\n") as [string, string];
        await tx.rollupDay.upsert({
          where: { accountId_scene_day: { accountId, scene, day } },
          create: { accountId, scene, day, ...cohort },
          update: cohort,
        });
      }
    },
    { timeout: 3_600_000, maxWait: 60_000 },
  );
}
