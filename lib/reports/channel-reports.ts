// The per-channel reports: one row per channel (the rows of GET /api/stats/channels, unchanged),
// and the over-time series, for the scope or per channel, every bucket present with zeros.
import { getChannelStats } from "@/lib/analytics/channel-stats";
import { getTimeseries } from "@/lib/analytics/timeseries";
import { resolveScope } from "@/lib/analytics/scope";
import { channelTimeseries } from "@/lib/reports/channel-series";
import { countMetrics, reportLabels, type ReportLabels } from "@/lib/reports/labels";
import { column, type Cell, type ReportColumn, type ReportSheet } from "@/lib/reports/table";
import type { ChannelStatsRow, TimeseriesPoint } from "@/lib/schemas/stats";
import type { ChannelsReportQuery, ReportMetric, TimeseriesReportQuery } from "@/lib/schemas/reports";

export function countColumns(labels: ReportLabels): ReportColumn[] {
  return countMetrics.map((metric) => column(labels.metric(metric), "integer"));
}

function countCells(counts: Pick<TimeseriesPoint, (typeof countMetrics)[number]>): Cell[] {
  return countMetrics.map((metric) => counts[metric]);
}

export function channelColumns(labels: ReportLabels): ReportColumn[] {
  return [
    column(labels.column("channelId"), "text", 28),
    column(labels.column("channel"), "text", 30),
    column(labels.column("group"), "text", 16),
    column(labels.column("scene"), "text", 16),
    ...countColumns(labels),
    column(labels.column("retentionDay1"), "fraction"),
    column(labels.column("retentionDay7"), "fraction"),
    column(labels.column("retentionDay30"), "fraction"),
  ];
}

export function channelCells(row: ChannelStatsRow): Cell[] {
  return [
    row.channelId,
    row.name,
    row.group,
    row.scene,
    ...countCells(row),
    row.retention.d1,
    row.retention.d7,
    row.retention.d30,
  ];
}

export async function channelsSheet(query: ChannelsReportQuery, name: string): Promise<ReportSheet> {
  const labels = reportLabels(query.lang);
  const { rows } = await getChannelStats(query);
  return keepMetrics({ name, columns: channelColumns(labels), batches: [rows.map(channelCells)] }, query.metrics, 4);
}

/** The metric columns a query asked for (all when it did not); `firstMetric`: where they begin. */
function keepMetrics(sheet: ReportSheet, metrics: ReportMetric[] | undefined, firstMetric: number): ReportSheet {
  if (!metrics) return sheet;
  const metricOfColumn = [...countMetrics, "retention", "retention", "retention"] as const;
  const kept = sheet.columns
    .map((_, index) => index)
    .filter((index) => index < firstMetric || metrics.includes(metricOfColumn[index - firstMetric]!));
  return {
    name: sheet.name,
    columns: kept.map((index) => sheet.columns[index]!),
    batches: [...(sheet.batches as Cell[][][])].map((batch) => batch.map((row) => kept.map((index) => row[index]!))),
  };
}

export async function timeseriesSheet(query: TimeseriesReportQuery, name: string): Promise<ReportSheet> {
  const labels = reportLabels(query.lang);
  const bucketColumns = [column(labels.column("start"), "day"), column(labels.column("end"), "day")];
  if (query.perChannel !== "true") {
    const { points } = await getTimeseries(query);
    const sheet = {
      name,
      columns: [...bucketColumns, ...countColumns(labels)],
      batches: [points.map((point) => [point.start, point.end ?? point.start, ...countCells(point)])],
    };
    return keepMetrics(sheet, query.metrics, 2);
  }
  const scope = await resolveScope(query);
  const series = await channelTimeseries(scope, { from: query.from, to: query.to }, query.interval);
  const rows: Cell[][] = [];
  for (const { channel, points } of series) {
    for (const point of points) {
      rows.push([point.start, point.end ?? point.start, channel.id, channel.name, ...countCells(point)]);
    }
  }
  // By bucket, then in the scope's channel order: the file reads period by period.
  rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const sheet = {
    name,
    columns: [
      ...bucketColumns,
      column(labels.column("channelId"), "text", 28),
      column(labels.column("channel"), "text", 30),
      ...countColumns(labels),
    ],
    batches: [rows],
  };
  return keepMetrics(sheet, query.metrics, 4);
}
