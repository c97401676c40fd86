// Listing and reading channels, with their all-time counts and, for a range, the counts and
// retention over it: search, filters, sorting by any field, count or retention, and pages.
import { getDb, getDialect, type Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { toPublicChannel } from "@/lib/channels/channel-records";
import { countForEveryScene, countsByScene } from "@/lib/channels/channel-counts";
import { getChannelStats } from "@/lib/analytics/channel-stats";
import {
  countSortFields,
  retentionSortFields,
  type Channel,
  type ChannelList,
  type ChannelListQuery,
} from "@/lib/schemas/channels";
import type { ChannelStatsRow } from "@/lib/schemas/stats";

export async function getChannel(channelId: string): Promise<Channel> {
  const row = await getDb().channel.findUnique({ where: { id: channelId }, include: { tags: true } });
  if (!row) throw notFound("Channel");
  const counts = await countsByScene(row.accountId, [row.scene]);
  return toPublicChannel(row, counts.get(row.scene));
}

function statusFilter(status: ChannelListQuery["status"], now: Date): Prisma.ChannelWhereInput {
  if (status === "archived") return { archivedAt: { not: null } };
  if (status === "expired") return { archivedAt: null, expiresAt: { lte: now } };
  if (status === "active") return { archivedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  return {};
}

/** Case-insensitive "contains" on both databases (SQLite's LIKE already is; PostgreSQL's is not). */
function containsText(text: string): Prisma.StringFilter {
  return getDialect().containsText(text);
}

export function channelWhere(
  query: Omit<ChannelListQuery, "sort" | "order" | "limit">,
  now = new Date(),
): Prisma.ChannelWhereInput {
  const conditions: Prisma.ChannelWhereInput[] = [{ accountId: query.accountId }, statusFilter(query.status, now)];
  if (query.q)
    conditions.push({
      OR: [{ name: containsText(query.q) }, { scene: containsText(query.q) }, { group: containsText(query.q) }],
    });
  if (query.group) conditions.push({ group: query.group });
  if (query.tag) conditions.push({ tags: { some: { tag: query.tag } } });
  if (query.kind) conditions.push({ qrKind: query.kind });
  if (query.ids) conditions.push({ id: { in: query.ids } });
  return { AND: conditions };
}

const isCountSort = (sort: ChannelListQuery["sort"]): sort is (typeof countSortFields)[number] =>
  (countSortFields as readonly string[]).includes(sort);

/** The value a count or retention sort orders a channel by; null (no cohort yet) sorts last either way. */
type SortValueOf = (channel: { id: string; scene: string }) => number | null;

async function sortValues(
  query: ChannelListQuery,
  rangeRows: Map<string, ChannelStatsRow> | null,
): Promise<SortValueOf> {
  if (query.sort in retentionSortFields) {
    const day = retentionSortFields[query.sort as keyof typeof retentionSortFields];
    return (channel) => rangeRows?.get(channel.id)?.retention[day] ?? null;
  }
  const field = query.sort as (typeof countSortFields)[number];
  if (rangeRows) return (channel) => rangeRows.get(channel.id)?.[field] ?? 0;
  const values = await countForEveryScene(query.accountId, field);
  return (channel) => values.get(channel.scene) ?? 0;
}

/** With a range: every channel's row of the stats API's channel table (the same numbers as the dashboard). */
async function rangeRowsFor(query: ChannelListQuery): Promise<Map<string, ChannelStatsRow> | null> {
  if (!query.from || !query.to) return null;
  const { rows } = await getChannelStats({ accountId: query.accountId, from: query.from, to: query.to });
  return new Map(rows.map((row) => [row.channelId, row]));
}

/**
 * A page of channels. Sorting by a count cannot happen in the channel table (counts live in the
 * rollups), so it reads the matching channels' scenes and one total per scene (all-time, or the
 * range's), sorts those in memory and loads only the page: a few queries whatever the page, fast
 * at 10 000 channels.
 */
export async function listChannels(query: ChannelListQuery): Promise<ChannelList> {
  const db = getDb();
  const where = channelWhere(query);
  const offset = query.offset ?? Number(query.cursor ?? 0);
  const direction = query.order === "asc" ? 1 : -1;
  const rangeRows = await rangeRowsFor(query);
  let rows: Prisma.ChannelGetPayload<{ include: { tags: true } }>[];
  let total: number;

  if (isCountSort(query.sort) || query.sort in retentionSortFields) {
    const [matches, valueOf] = await Promise.all([
      db.channel.findMany({ where, select: { id: true, scene: true } }),
      sortValues(query, rangeRows),
    ]);
    const values = new Map(matches.map((match) => [match.id, valueOf(match)]));
    // Ties: newest first (cuids grow with time), so equal counts keep a stable, familiar order.
    matches.sort((a, b) => {
      const [valueA, valueB] = [values.get(a.id) ?? null, values.get(b.id) ?? null];
      if (valueA === null || valueB === null) {
        if (valueA !== valueB) return valueA === null ? 1 : -1;
      } else if (valueA !== valueB) {
        return direction * (valueA - valueB);
      }
      return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
    });
    total = matches.length;
    const pageIds = matches.slice(offset, offset + query.limit).map((match) => match.id);
    const byId = new Map(
      (await db.channel.findMany({ where: { id: { in: pageIds } }, include: { tags: true } })).map((row) => [
        row.id,
        row,
      ]),
    );
    rows = pageIds.flatMap((id) => byId.get(id) ?? []);
  } else {
    const order = query.order;
    [rows, total] = await Promise.all([
      db.channel.findMany({
        where,
        include: { tags: true },
        orderBy: [{ [query.sort]: order }, { id: order }],
        skip: offset,
        take: query.limit,
      }),
      db.channel.count({ where }),
    ]);
  }

  const counts = await countsByScene(
    query.accountId,
    rows.map((row) => row.scene),
  );
  const nextOffset = offset + rows.length;
  return {
    items: rows.map((row) => {
      const channel = toPublicChannel(row, counts.get(row.scene));
      const inRange = rangeRows?.get(row.id);
      return inRange ? { ...channel, inRange: inRangeOf(inRange) } : channel;
    }),
    total,
    nextCursor: nextOffset < total ? String(nextOffset) : null,
  };
}

function inRangeOf(row: ChannelStatsRow): NonNullable<Channel["inRange"]> {
  const { scans, uniqueScanners, newFollows, unfollows, netFollows, retention } = row;
  return { scans, uniqueScanners, newFollows, unfollows, netFollows, retention };
}
