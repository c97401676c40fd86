// Report downloads as plain URLs: the browser downloads them with its session, and the same URL
// works for a script with an API key ("copy link for scripts").
import { queryString } from "@/lib/client/http";
import type { StatsFilter, SummaryFilter } from "@/lib/client/stats";
import type { ReportInterval, ReportLanguage } from "@/lib/schemas/reports";

export type ReportKind = "channels" | "timeseries" | "timeseriesPerChannel" | "workbook" | "events";
export type FileFormat = "csv" | "xlsx";

export interface ReportRequest {
  kind: ReportKind;
  /** The view's filter; its comparison, if any, reaches the workbook's Summary sheet. */
  filter: SummaryFilter;
  format: FileFormat;
  lang: ReportLanguage;
  interval?: ReportInterval;
}

/** The formats each report comes in. */
export const formatsOf: Record<ReportKind, FileFormat[]> = {
  channels: ["csv", "xlsx"],
  timeseries: ["csv", "xlsx"],
  timeseriesPerChannel: ["csv", "xlsx"],
  workbook: ["xlsx"],
  events: ["csv"],
};

export function reportUrl({ kind, filter, format, lang, interval }: ReportRequest): string {
  const { compare, compareFrom, compareTo, ...statsFilter } = filter;
  const common = { ...statsFilter, lang };
  switch (kind) {
    case "channels":
      return `/api/reports/channels${queryString({ ...common, format })}`;
    case "timeseries":
      return `/api/reports/timeseries${queryString({ ...common, format, interval: interval ?? "day" })}`;
    case "timeseriesPerChannel":
      return `/api/reports/timeseries${queryString({ ...common, format, interval: interval ?? "day", perChannel: "true" })}`;
    case "workbook":
      return `/api/reports/workbook${queryString({ ...common, compare, compareFrom, compareTo, format: "xlsx" })}`;
    case "events":
      return `/api/reports/events${queryString({ ...common, format: "csv" })}`;
  }
}

export function eventsCountUrl(filter: StatsFilter): string {
  return `/api/reports/events/count${queryString({ ...filter })}`;
}

/** The printable report's page for the same account, range, filters and comparison. */
export function printableReportHref(filter: SummaryFilter): string {
  return `/reports/print${queryString({
    account: filter.accountId,
    range: "custom",
    from: filter.from,
    to: filter.to,
    channels: filter.channelIds,
    groups: filter.groups,
    compare: filter.compare,
    compareFrom: filter.compareFrom,
    compareTo: filter.compareTo,
  })}`;
}
