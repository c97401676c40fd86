// Raw events (newest first), for the recent-activity lists.
import { queryOptions, useQuery } from "@tanstack/react-query";
import { eventListSchema, type EventListQuery } from "@/lib/schemas/events";
import { fetchJson, queryString } from "@/lib/client/http";

export type EventFilter = Pick<EventListQuery, "accountId"> &
  Partial<Pick<EventListQuery, "channelId" | "type" | "limit">>;

export const eventKeys = {
  all: ["events"] as const,
  lists: () => [...eventKeys.all, "list"] as const,
  list: (filter: EventFilter) => [...eventKeys.lists(), filter] as const,
};

export function eventListQuery(filter: EventFilter) {
  return queryOptions({
    queryKey: eventKeys.list(filter),
    queryFn: () => fetchJson(`/api/events${queryString({ ...filter })}`, eventListSchema),
  });
}

/** Polls gently: real WeChat pushes arrive without any action in this tab. */
export function useEventList(filter: EventFilter | null, options: { refetchIntervalMs?: number } = {}) {
  return useQuery({
    ...eventListQuery(filter ?? { accountId: "" }),
    enabled: filter !== null,
    refetchInterval: options.refetchIntervalMs ?? false,
  });
}
