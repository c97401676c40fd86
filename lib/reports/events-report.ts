// Every raw event of a range, oldest first, read in batches by the (accountId, occurredAt,
// dedupeKey) key — the events' own unique index, so each batch continues where the last ended
// without an OFFSET scan, and memory holds one batch whatever the range.
import { getDb } from "@/lib/db/client";
import { resolveScope, type StatsScope } from "@/lib/analytics/scope";
import { reportLabels } from "@/lib/reports/labels";
import { column, type Cell, type ReportSheet } from "@/lib/reports/table";
import { zonedInstantFormatter } from "@/lib/reports/zoned-time";
import { addDays, startOfLocalDay } from "@/lib/time/zone";
import type { EventsReportQuery } from "@/lib/schemas/reports";
import type { StatsFilterQuery } from "@/lib/schemas/stats";

/** Rows per database read: large enough that the round trips cost little, small enough to stream. */
export const eventBatchSize = 5_000;

type ExportedEvent = {
  occurredAt: Date;
  dedupeKey: string;
  type: string;
  channelId: string | null;
  scene: string;
  openid: string;
};

function eventsWhere(scope: StatsScope, query: Pick<StatsFilterQuery, "from" | "to">) {
  return {
    accountId: scope.accountId,
    occurredAt: {
      gte: startOfLocalDay(query.from, scope.timezone),
      lt: startOfLocalDay(addDays(query.to, 1), scope.timezone),
    },
    // A filter keeps the events of its channels; without one, unattributed and organic ones too.
    ...(scope.isFiltered ? { channelId: { in: scope.channels.map((channel) => channel.id) } } : {}),
  };
}

export async function countReportEvents(query: StatsFilterQuery): Promise<number> {
  const scope = await resolveScope(query);
  return getDb().event.count({ where: eventsWhere(scope, query) });
}

async function* eventBatches(scope: StatsScope, query: EventsReportQuery): AsyncGenerator<Cell[][]> {
  const where = eventsWhere(scope, query);
  const channelNames = new Map(scope.channels.map((channel) => [channel.id, channel.name]));
  const formatTime = zonedInstantFormatter(scope.timezone);
  let after: { occurredAt: Date; dedupeKey: string } | null = null;
  for (;;) {
    const events: ExportedEvent[] = await getDb().event.findMany({
      where: after
        ? {
            ...where,
            OR: [
              { occurredAt: { gt: after.occurredAt } },
              { occurredAt: after.occurredAt, dedupeKey: { gt: after.dedupeKey } },
            ],
          }
        : where,
      orderBy: [{ occurredAt: "asc" }, { dedupeKey: "asc" }],
      select: { occurredAt: true, dedupeKey: true, type: true, channelId: true, scene: true, openid: true },
      take: eventBatchSize,
    });
    if (events.length === 0) return;
    yield events.map((event) => [
      formatTime(event.occurredAt),
      event.type,
      event.channelId,
      event.channelId ? (channelNames.get(event.channelId) ?? null) : null,
      event.scene,
      event.openid,
    ]);
    if (events.length < eventBatchSize) return;
    const last = events.at(-1)!;
    after = { occurredAt: last.occurredAt, dedupeKey: last.dedupeKey };
  }
}

export async function eventsSheet(query: EventsReportQuery): Promise<ReportSheet> {
  const labels = reportLabels(query.lang);
  const scope = await resolveScope(query);
  return {
    name: "events",
    columns: [
      column(labels.column("time"), "instant"),
      column(labels.column("event"), "text", 12),
      column(labels.column("channelId"), "text", 28),
      column(labels.column("channel"), "text", 30),
      column(labels.column("scene"), "text", 16),
      column(labels.column("openid"), "text", 32),
    ],
    batches: eventBatches(scope, query),
  };
}
