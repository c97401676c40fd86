// Channels (one QR code per placement): list, detail, create.
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  channelListSchema,
  channelSchema,
  type ChannelCreateInput,
  type ChannelListQuery,
} from "@/lib/schemas/channels";
import { fetchJson, jsonRequest, queryString } from "@/lib/client/http";

export type ChannelFilter = Pick<ChannelListQuery, "accountId"> & Partial<Pick<ChannelListQuery, "status" | "q" | "limit">>;

export const channelKeys = {
  all: ["channels"] as const,
  lists: () => [...channelKeys.all, "list"] as const,
  list: (filter: ChannelFilter) => [...channelKeys.lists(), filter] as const,
  detail: (id: string) => [...channelKeys.all, "detail", id] as const,
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
 * While a new search loads, the previous list of the same account stays on screen instead of a
 * skeleton; another account's list never does.
 */
export function useChannelList(filter: ChannelFilter | null) {
  return useQuery({
    ...channelListQuery(filter ?? { accountId: "" }),
    enabled: filter !== null,
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2].accountId === filter?.accountId ? previous : undefined),
  });
}

export function useChannel(id: string) {
  return useQuery(channelDetailQuery(id));
}

/** The image URL, used directly as <img src> (the route renders it from the code's url). */
export function channelQrImageUrl(id: string, options: { format: "svg" | "png"; size: number }): string {
  return `/api/channels/${encodeURIComponent(id)}/qr${queryString(options)}`;
}

export function useCreateChannel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelCreateInput) => fetchJson("/api/channels", channelSchema, jsonRequest("POST", input)),
    onSuccess: (channel) => {
      queryClient.setQueryData(channelKeys.detail(channel.id), channel);
      return queryClient.invalidateQueries({ queryKey: channelKeys.lists() });
    },
  });
}
