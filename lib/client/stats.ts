// Dashboard numbers for a date range. Ranges are calendar dates in the account's zone (never
// timestamps), so the keys stay stable for the whole day and a view can be shared by URL.
import { keepPreviousData, queryOptions, useQueries, useQuery } from "@tanstack/react-query";
import {
  channelStatsSchema,
  retentionCurveSchema,
  summarySchema,
  timeseriesSchema,
  type StatsInterval,
} from "@/lib/schemas/stats";
import { fetchJson, queryString } from "@/lib/client/http";
import type { comparisonQueryOf } from "@/lib/time/comparison";

export interface StatsFilter {
  accountId: string;
  /** YYYY-MM-DD, inclusive, in the account's zone. */
  from: string;
  to: string;
  /** Comma-separated channel ids; all channels when left out. */
  channelIds?: string;
  /** Comma-separated groups; with channelIds, a channel must match both. */
  groups?: string;
}

export type SeriesFilter = StatsFilter & { interval?: StatsInterval };

/** The summary's filter: the range and, unless it is the previous period, what to compare it with. */
export type SummaryFilter = StatsFilter & ReturnType<typeof comparisonQueryOf>;

export const statsKeys = {
  all: ["stats"] as const,
  summary: (filter: SummaryFilter) => [...statsKeys.all, "summary", filter] as const,
  timeseries: (filter: SeriesFilter) => [...statsKeys.all, "timeseries", filter] as const,
  channels: (filter: StatsFilter) => [...statsKeys.all, "channels", filter] as const,
  retention: (filter: StatsFilter) => [...statsKeys.all, "retention", filter] as const,
};

const emptyFilter: StatsFilter = { accountId: "", from: "", to: "" };

export function summaryQuery(filter: SummaryFilter) {
  return queryOptions({
    queryKey: statsKeys.summary(filter),
    queryFn: () => fetchJson(`/api/stats/summary${queryString({ ...filter })}`, summarySchema),
  });
}

export function timeseriesQuery(filter: SeriesFilter) {
  const withInterval = { ...filter, interval: filter.interval ?? "day" };
  return queryOptions({
    queryKey: statsKeys.timeseries(withInterval),
    queryFn: () => fetchJson(`/api/stats/timeseries${queryString({ ...withInterval })}`, timeseriesSchema),
  });
}

export function channelStatsQuery(filter: StatsFilter) {
  return queryOptions({
    queryKey: statsKeys.channels(filter),
    queryFn: () => fetchJson(`/api/stats/channels${queryString({ ...filter })}`, channelStatsSchema),
  });
}

export function retentionCurveQuery(filter: StatsFilter) {
  return queryOptions({
    queryKey: statsKeys.retention(filter),
    queryFn: () => fetchJson(`/api/stats/retention${queryString({ ...filter })}`, retentionCurveSchema),
  });
}

// A new range keeps showing the last numbers (dimmed by the caller) until the new ones arrive.
export function useSummary(filter: SummaryFilter | null) {
  return useQuery({
    ...summaryQuery(filter ?? emptyFilter),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

export function useTimeseries(filter: SeriesFilter | null) {
  return useQuery({
    ...timeseriesQuery(filter ?? emptyFilter),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

export function useChannelStats(filter: StatsFilter | null) {
  return useQuery({
    ...channelStatsQuery(filter ?? emptyFilter),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

export function useRetentionCurve(filter: StatsFilter | null) {
  return useQuery({
    ...retentionCurveQuery(filter ?? emptyFilter),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
}

/** Several series at once (Compare): one query per filter, in order. */
export function useTimeseriesList(filters: SeriesFilter[]) {
  return useQueries({
    queries: filters.map((filter) => ({ ...timeseriesQuery(filter), placeholderData: keepPreviousData })),
  });
}

export function useSummaryList(filters: StatsFilter[]) {
  return useQueries({
    queries: filters.map((filter) => ({ ...summaryQuery(filter), placeholderData: keepPreviousData })),
  });
}
