// Every raw event of a range, oldest first, in batches (lib/reports/event-reader.ts), each row
// with its time in the account's zone and its channel's name.
import { getDb } from "@/lib/db/client";
import { resolveScope, type StatsScope } from "@/lib/analytics/scope";
import { reportLabels } from "@/lib/reports/labels";
import { column, type Cell, type ReportSheet } from "@/lib/reports/table";
import { parseUtcTimestamp, zonedInstantFormatter } from "@/lib/reports/zoned-time";
import { readEventBatches } from "@/lib/reports/event-reader";
import { addDays, startOfLocalDay } from "@/lib/time/zone";
import type { EventsReportQuery } from "@/lib/schemas/reports";
import type { StatsFilterQuery } from "@/lib/schemas/stats";

/** Rows per database read: large enough that the round trips cost little, small enough to stream. */
export const eventBatchSize = 5_000;

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
  const batches = readEventBatches({
    accountId: scope.accountId,
    start: where.occurredAt.gte,
    end: where.occurredAt.lt,
    channelIds: scope.isFiltered ? scope.channels.map((channel) => channel.id) : null,
    batchSize: eventBatchSize,
  });
  for await (const events of batches) {
    yield events.map(([occurredAt, , type, channelId, scene, openid]) => [
      formatTime(parseUtcTimestamp(occurredAt)),
      type,
      channelId,
      channelId ? (channelNames.get(channelId) ?? null) : null,
      scene,
      openid,
    ]);
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
