// Channels (one QR code per placement): list with filters, detail, create, edit, archive,
// restore, renew, the permanent quota, facets for the filters, and unattributed scenes.
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from "@tanstack/react-query";
import { z } from "zod";
import {
  channelFacetsSchema,
  channelListSchema,
  channelSchema,
  permanentQuotaSchema,
  unattributedSceneListSchema,
  type Channel,
  type ChannelCreateInput,
  type ChannelListQuery,
  type ChannelRenewInput,
  type ChannelUpdateInput,
} from "@/lib/schemas/channels";
import { fetchJson, jsonRequest, queryString } from "@/lib/client/http";

export type ChannelFilter = Pick<ChannelListQuery, "accountId"> &
  Partial<
    Pick<
      ChannelListQuery,
      "status" | "q" | "group" | "tag" | "kind" | "sort" | "order" | "offset" | "limit" | "from" | "to"
    >
  > & {
    ids?: string;
  };

/** How many channels the filters' channel pickers list (the overview, compare). */
export const filterChoiceLimit = 500;

export const channelKeys = {
  all: ["channels"] as const,
  lists: () => [...channelKeys.all, "list"] as const,
  list: (filter: ChannelFilter) => [...channelKeys.lists(), filter] as const,
  detail: (id: string) => [...channelKeys.all, "detail", id] as const,
  facets: (accountId: string) => [...channelKeys.all, "facets", accountId] as const,
  quota: (accountId: string) => [...channelKeys.all, "quota", accountId] as const,
  unattributed: (accountId: string) => [...channelKeys.all, "unattributed", accountId] as const,
  design: (id: string) => [...channelKeys.all, "design", id] as const,
};

export function channelListQuery(filter: ChannelFilter) {
  return queryOptions({
    queryKey: channelKeys.list(filter),
    queryFn: () => fetchJson(`/api/channels${queryString({ ...filter })}`, channelListSchema),
  });
}

export function channelDetailQuery(id: string) {
  return queryOptions({
    queryKey: channelKeys.detail(id),
    queryFn: () => fetchJson(`/api/channels/${encodeURIComponent(id)}`, channelSchema),
  });
}

/**
 * While a new search, filter or page loads, the previous list of the same account stays on
 * screen instead of a skeleton; another account's list never does.
 */
export function useChannelList(filter: ChannelFilter | null) {
  return useQuery({
    ...channelListQuery(filter ?? { accountId: "" }),
    enabled: filter !== null,
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2].accountId === filter?.accountId ? keepPreviousData(previous) : undefined,
  });
}

export function useChannel(id: string) {
  return useQuery(channelDetailQuery(id));
}

export function useChannelFacets(accountId: string) {
  return useQuery({
    queryKey: channelKeys.facets(accountId),
    queryFn: () => fetchJson(`/api/channels/facets${queryString({ accountId })}`, channelFacetsSchema),
  });
}

export function usePermanentQuota(accountId: string) {
  return useQuery({
    queryKey: channelKeys.quota(accountId),
    queryFn: () => fetchJson(`/api/channels/quota${queryString({ accountId })}`, permanentQuotaSchema),
  });
}

export function useUnattributedScenes(accountId: string) {
  return useQuery({
    queryKey: channelKeys.unattributed(accountId),
    queryFn: () => fetchJson(`/api/channels/unattributed${queryString({ accountId })}`, unattributedSceneListSchema),
  });
}

/** The image URL, used directly as <img src> (the route renders it from the code's url and saved design). */
export function channelQrImageUrl(
  id: string,
  options: { format: "svg" | "png"; size?: number; caption?: boolean; download?: boolean },
): string {
  const { format, size, caption, download } = options;
  return `/api/channels/${encodeURIComponent(id)}/qr${queryString({ format, size, caption: caption === undefined ? undefined : caption ? 1 : 0, download: download ? 1 : undefined })}`;
}

/** A channel changed: its detail is replaced, and every list, count and facet is refetched. */
function storeChannel(queryClient: QueryClient, channel: Channel) {
  queryClient.setQueryData(channelKeys.detail(channel.id), channel);
  return queryClient.invalidateQueries({
    predicate: (query) =>
      query.queryKey[0] === channelKeys.all[0] && query.queryKey[1] !== "detail" && query.queryKey[1] !== "design",
  });
}

export function useCreateChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelCreateInput) => fetchJson("/api/channels", channelSchema, jsonRequest("POST", input)),
    onSuccess: (channel) => storeChannel(queryClient, channel),
  });
}

export function useUpdateChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ChannelUpdateInput }) =>
      fetchJson(`/api/channels/${encodeURIComponent(id)}`, channelSchema, jsonRequest("PATCH", input)),
    onSuccess: (channel) => storeChannel(queryClient, channel),
  });
}

export function useArchiveChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson(`/api/channels/${encodeURIComponent(id)}`, channelSchema, jsonRequest("DELETE")),
    onSuccess: (channel) => storeChannel(queryClient, channel),
  });
}

export function useRestoreChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson(`/api/channels/${encodeURIComponent(id)}/restore`, channelSchema, jsonRequest("POST")),
    onSuccess: (channel) => storeChannel(queryClient, channel),
  });
}

export function useRenewChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ChannelRenewInput }) =>
      fetchJson(`/api/channels/${encodeURIComponent(id)}/renew`, channelSchema, jsonRequest("POST", input)),
    onSuccess: (channel) => storeChannel(queryClient, channel),
  });
}

/** Archives or restores many channels one after another (the API has one call per channel). */
export function useBulkArchive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ ids, action }: { ids: string[]; action: "archive" | "restore" }) => {
      for (const id of ids) {
        const path = `/api/channels/${encodeURIComponent(id)}${action === "restore" ? "/restore" : ""}`;
        await fetchJson(path, z.unknown(), jsonRequest(action === "restore" ? "POST" : "DELETE"));
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: channelKeys.all }),
  });
}
