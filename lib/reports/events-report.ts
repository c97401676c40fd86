// Every raw event of a range, oldest first, as CSV lines (lib/reports/event-reader.ts), each row
// with its time in the account's zone and its channel's name.
import { getDb } from "@/lib/db/client";
import { resolveScope, type StatsScope } from "@/lib/analytics/scope";
import { reportLabels } from "@/lib/reports/labels";
import { column, type CsvLinesSheet } from "@/lib/reports/table";
import { readEventsCsv } from "@/lib/reports/event-reader";
import { addDays, startOfLocalDay } from "@/lib/time/zone";
import type { EventsReportQuery } from "@/lib/schemas/reports";
import type { StatsFilterQuery } from "@/lib/schemas/stats";

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

export async function eventsSheet(query: EventsReportQuery): Promise<CsvLinesSheet> {
  const labels = reportLabels(query.lang);
  const scope = await resolveScope(query);
  const where = eventsWhere(scope, query);
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
    csvLines: readEventsCsv({
      accountId: scope.accountId,
      start: where.occurredAt.gte,
      end: where.occurredAt.lt,
      channelIds: scope.isFiltered ? scope.channels.map((channel) => channel.id) : null,
      timeZone: scope.timezone,
      channelNames: new Map(scope.channels.map((channel) => [channel.id, channel.name])),
    }),
  };
}
