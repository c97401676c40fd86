// The workbook: Summary (the KPIs beside the range they are compared with: the previous period of
// equal length unless the query says otherwise), Channels (as the
// channels report), Channel × day (a row per channel and day, zeros included) and Definitions
// (every metric in the UI's words).
import { getSummary } from "@/lib/analytics/summary";
import { resolveScope } from "@/lib/analytics/scope";
import { findAccountRow } from "@/lib/accounts/account-records";
import { channelsSheet, countColumns } from "@/lib/reports/channel-reports";
import { channelTimeseries } from "@/lib/reports/channel-series";
import { countMetrics, definedMetrics, reportLabels } from "@/lib/reports/labels";
import { column, type Cell, type ReportSheet } from "@/lib/reports/table";
import { formatInstantInZone } from "@/lib/reports/zoned-time";
import { comparisonRangeOf } from "@/lib/time/comparison";
import { comparisonOf } from "@/lib/schemas/stats";
import type { WorkbookReportQuery } from "@/lib/schemas/reports";

export async function workbookSheets(query: WorkbookReportQuery, now = new Date()): Promise<ReportSheet[]> {
  const labels = reportLabels(query.lang);
  const range = { from: query.from, to: query.to };
  const comparison = comparisonOf(query);
  const previous = comparisonRangeOf(range, comparison);
  const [account, summary, channels, scope] = await Promise.all([
    findAccountRow(query.accountId),
    getSummary(query, comparison),
    channelsSheet({ ...query, format: "xlsx" }, labels.sheet("channels")),
    resolveScope(query),
  ]);
  const series = await channelTimeseries(scope, range, "day");

  const summaryRows: Cell[][] = [
    [labels.summaryRow("account"), account.name, null, null],
    [labels.summaryRow("range"), `${range.from} – ${range.to}`, `${previous.from} – ${previous.to}`, null],
    [labels.summaryRow("timezone"), account.timezone, null, null],
    [labels.summaryRow("generatedAt"), formatInstantInZone(now, account.timezone), null, null],
    ...countMetrics.map((metric) => [
      labels.metric(metric),
      summary[metric],
      summary.previous[metric],
      summary[metric] - summary.previous[metric],
    ]),
  ];
  const channelDayRows: Cell[][] = [];
  for (const { channel, points } of series) {
    for (const point of points) {
      channelDayRows.push([point.start, channel.id, channel.name, ...countMetrics.map((metric) => point[metric])]);
    }
  }
  return [
    {
      name: labels.sheet("summary"),
      columns: [
        column(labels.column("metric"), "text", 22),
        column(labels.column("thisPeriod"), "integer", 26),
        column(labels.column(comparison.kind === "previousPeriod" ? "previousPeriod" : comparison.kind), "integer", 26),
        column(labels.column("change"), "integer"),
      ],
      batches: [summaryRows],
    },
    channels,
    {
      name: labels.sheet("channelDays"),
      columns: [
        column(labels.column("day"), "day"),
        column(labels.column("channelId"), "text", 28),
        column(labels.column("channel"), "text", 30),
        ...countColumns(labels),
      ],
      batches: [channelDayRows],
    },
    {
      name: labels.sheet("definitions"),
      columns: [column(labels.column("metric"), "text", 22), column(labels.column("definition"), "text", 100)],
      batches: [definedMetrics.map((metric) => [labels.metric(metric), labels.definition(metric)])],
    },
  ];
}
