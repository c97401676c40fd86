// Small SQL pieces that differ between SQLite and PostgreSQL, for the analytics' raw queries.
import { getDialect, Prisma } from "@/lib/db/client";
import type { DayRange } from "@/lib/time/zone";

/**
 * `WITH b(i, f, t) AS (VALUES (0, from, to), …)`: one row per bucket. Join it with CROSS JOIN and
 * the range in WHERE: SQLite then loops over the buckets and range-scans the table's index for
 * each, instead of scanning the buckets for every row.
 */
export function dayBucketsCte(buckets: DayRange[]): Prisma.Sql {
  const rows = buckets.map(
    (bucket, index) =>
      Prisma.sql`(${Prisma.raw(String(index))}, CAST(${bucket.from} AS TEXT), CAST(${bucket.to} AS TEXT))`,
  );
  return Prisma.sql`WITH b(i, f, t) AS (VALUES ${Prisma.join(rows)})`;
}

/** `WITH b(i, f, t) AS (VALUES (0, start, end), …)` for instants [start, end). */
export function instantBucketsCte(starts: Date[], end: Date): Prisma.Sql {
  const rows = starts.map(
    (start, index) =>
      Prisma.sql`(${Prisma.raw(String(index))}, ${getDialect().instant(start)}, ${getDialect().instant(starts[index + 1] ?? end)})`,
  );
  return Prisma.sql`WITH b(i, f, t) AS (VALUES ${Prisma.join(rows)})`;
}

/**
 * The rows of every channel's scene in a day range, of a table keyed (accountId, scene, day, …):
 * `SELECT ${scene} …, SUM(alias.…) ${fromWhere} GROUP BY ${scene}`. SQLite goes channel by channel
 * (CROSS JOIN keeps its loop on Channel), each reading only its scene's rows from the scene-led
 * index, and groups by the channel's scene, which its loop yields in order (grouped by the row's
 * scene it sorted every row in a temporary B-tree: 59 → 99 ms for a year at 2M events).
 * PostgreSQL reads the account's rows of the range in one pass and groups them, 15–30 % faster
 * there at 10 million events (docs/analytics.md, "Choosing the index"); scenes without a channel
 * may come back there, and callers look rows up by their channels' scenes.
 */
export function channelScenesRows(
  table: "RollupDay" | "ScannerDayTotal",
  alias: string,
  accountId: string,
  range: DayRange,
): { scene: Prisma.Sql; fromWhere: Prisma.Sql } {
  const rows = Prisma.raw(`"${table}" ${alias}`);
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const inRange = Prisma.sql`${column("day")} >= ${range.from} AND ${column("day")} <= ${range.to}`;
  if (!getDialect().readsScenesChannelByChannel) {
    return {
      scene: column("scene"),
      fromWhere: Prisma.sql`FROM ${rows} WHERE ${column("accountId")} = ${accountId} AND ${column("scene")} <> '' AND ${inRange}`,
    };
  }
  return {
    scene: Prisma.raw(`c."scene"`),
    fromWhere: Prisma.sql`FROM "Channel" c CROSS JOIN ${rows}
      WHERE c."accountId" = ${accountId} AND ${column("accountId")} = c."accountId" AND ${column("scene")} = c."scene" AND ${inRange}`,
  };
}

export function toCount(value: bigint | number | null | undefined): number {
  return Number(value ?? 0);
}
