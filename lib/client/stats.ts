// Dashboard numbers for a date range. Ranges are calendar dates in the account's zone (never
// timestamps), so the keys stay stable for the whole day and a view can be shared by URL.
import { queryOptions, useQuery } from "@tanstack/react-query";
import { summarySchema, timeseriesSchema } from "@/lib/schemas/stats";
import { fetchJson, queryString } from "@/lib/client/http";

export interface StatsFilter {
  accountId: string;
  /** YYYY-MM-DD, inclusive, in the account's zone. */
  from: string;
  to: string;
  /** Comma-separated channel ids; all channels when left out. */
  channelIds?: string;
}

export const statsKeys = {
  all: ["stats"] as const,
  summary: (filter: StatsFilter) => [...statsKeys.all, "summary", filter] as const,
  timeseries: (filter: StatsFilter) => [...statsKeys.all, "timeseries", filter] as const,
};

export function summaryQuery(filter: StatsFilter) {
  return queryOptions({
    queryKey: statsKeys.summary(filter),
    queryFn: () => fetchJson(`/api/stats/summary${queryString({ ...filter })}`, summarySchema),
  });
}

export function timeseriesQuery(filter: StatsFilter) {
  return queryOptions({
    queryKey: statsKeys.timeseries(filter),
    queryFn: () => fetchJson(`/api/stats/timeseries${queryString({ ...filter, interval: "day" })}`, timeseriesSchema),
  });
}

export function useSummary(filter: StatsFilter | null) {
  return useQuery({ ...summaryQuery(filter ?? { accountId: "", from: "", to: "" }), enabled: filter !== null });
}

export function useTimeseries(filter: StatsFilter | null) {
  return useQuery({ ...timeseriesQuery(filter ?? { accountId: "", from: "", to: "" }), enabled: filter !== null });
}
