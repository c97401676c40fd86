// The first queries of the dashboard's pages, with the keys the browser uses, answered on the
// server (prefetch-as-viewer.ts): the overview (components/overview/overview-view.tsx), a
// channel's page (components/analytics/channel-view.tsx) and the channel list
// (components/channels/channels-view.tsx). Each view's range, filters and
// comparison are read from its URL the way the browser reads them (lib/client/stats-params.ts).
import type { QueryClient } from "@tanstack/react-query";
import { assertAccountAccess } from "@/lib/auth/account-scope";
import { listAccounts } from "@/lib/accounts/manage-accounts";
import { getSummary } from "@/lib/analytics/summary";
import { getTimeseries } from "@/lib/analytics/timeseries";
import { getChannelStats } from "@/lib/analytics/channel-stats";
import { getChannel, listChannels } from "@/lib/channels/read-channels";
import { accountKeys } from "@/lib/client/accounts";
import { channelListFilterOf, parseChannelListParams } from "@/lib/client/channel-list-params";
import { channelKeys, filterChoiceLimit } from "@/lib/client/channels";
import { defaultPreset } from "@/lib/client/date-range";
import { statsKeys, type SeriesFilter, type StatsFilter } from "@/lib/client/stats";
import { parseStatsParams, statsFilterOf, type StatsParams } from "@/lib/client/stats-params";
import { channelListQuerySchema } from "@/lib/schemas/channels";
import { statsFilterSchema, summaryQuerySchema, timeseriesQuerySchema } from "@/lib/schemas/stats";
import type { Account } from "@/lib/schemas/accounts";
import { comparisonQueryOf, comparisonRangeOf } from "@/lib/time/comparison";
import { asJson } from "@/lib/prefetch/prefetch-as-viewer";

async function prefetchAccounts(queryClient: QueryClient): Promise<Account[]> {
  const accounts = await listAccounts();
  queryClient.setQueryData(accountKeys.list(), asJson({ items: accounts }));
  return accounts;
}

/** The KPIs against their comparison, the trend and its dashed line. */
function prefetchRangeStats(queryClient: QueryClient, params: StatsParams, filter: StatsFilter): Promise<unknown> {
  const summaryFilter = { ...filter, ...comparisonQueryOf(params.comparison) };
  const series = (seriesFilter: SeriesFilter) =>
    queryClient.prefetchQuery({
      queryKey: statsKeys.timeseries(seriesFilter),
      queryFn: async () => asJson(await getTimeseries(timeseriesQuerySchema.parse(seriesFilter))),
    });
  return Promise.all([
    queryClient.prefetchQuery({
      queryKey: statsKeys.summary(summaryFilter),
      queryFn: async () => asJson(await getSummary(summaryQuerySchema.parse(summaryFilter), params.comparison)),
    }),
    series({ ...filter, interval: params.interval }),
    series({ ...filter, ...comparisonRangeOf(params.range, params.comparison), interval: params.interval }),
  ]);
}

export async function prefetchOverview(queryClient: QueryClient, searchParams: URLSearchParams): Promise<void> {
  const accounts = await prefetchAccounts(queryClient);
  const account = accounts.find((candidate) => candidate.id === searchParams.get("account")) ?? accounts[0];
  if (!account) return;

  const params = parseStatsParams(searchParams, account.timezone, defaultPreset);
  const filter = statsFilterOf(account.id, params);
  const channelChoices = { accountId: account.id, limit: filterChoiceLimit };
  await Promise.all([
    prefetchRangeStats(queryClient, params, filter),
    queryClient.prefetchQuery({
      queryKey: statsKeys.channels(filter),
      queryFn: async () => asJson(await getChannelStats(statsFilterSchema.parse(filter))),
    }),
    queryClient.prefetchQuery({
      queryKey: channelKeys.list(channelChoices),
      queryFn: async () => asJson(await listChannels(channelListQuerySchema.parse(channelChoices))),
    }),
  ]);
}

export async function prefetchChannelPage(
  queryClient: QueryClient,
  channelId: string,
  searchParams: URLSearchParams,
): Promise<void> {
  const [accounts, channel] = await Promise.all([prefetchAccounts(queryClient), getChannel(channelId)]);
  // Outside the viewer's accounts it stays unknown, as the API would answer (404).
  assertAccountAccess(channel.accountId);
  queryClient.setQueryData(channelKeys.detail(channelId), asJson(channel));
  // The channel's own account decides the zone, as on the page.
  const account = accounts.find((candidate) => candidate.id === channel.accountId);
  if (!account) return;

  const params = parseStatsParams(searchParams, account.timezone, defaultPreset);
  await prefetchRangeStats(queryClient, params, {
    accountId: channel.accountId,
    ...params.range,
    channelIds: channel.id,
  });
}

export async function prefetchChannelList(queryClient: QueryClient, searchParams: URLSearchParams): Promise<void> {
  const accounts = await prefetchAccounts(queryClient);
  const account = accounts.find((candidate) => candidate.id === searchParams.get("account")) ?? accounts[0];
  if (!account) return;

  const range = parseStatsParams(searchParams, account.timezone, defaultPreset).range;
  const filter = channelListFilterOf(account.id, parseChannelListParams(searchParams), range);
  await queryClient.prefetchQuery({
    queryKey: channelKeys.list(filter),
    queryFn: async () => asJson(await listChannels(channelListQuerySchema.parse(filter))),
  });
}
