// The channel list's search, filters, sort and page as its URL holds them, and the list query they
// make with the view's range. Plain functions, apart from the hook, so they can be tested and
// reused outside React.
import {
  channelSortFields,
  channelStatuses,
  qrKinds,
  type ChannelSortField,
  type ChannelStatus,
  type QrKind,
} from "@/lib/schemas/channels";
import type { ChannelFilter } from "@/lib/client/channels";
import type { DateRange } from "@/lib/client/date-range";

export const channelPageSize = 50;

export interface ChannelListParams {
  q: string;
  status: ChannelStatus | "all";
  kind: QrKind | "";
  group: string;
  tag: string;
  sort: ChannelSortField;
  order: "asc" | "desc";
  page: number;
}

const pick = <Value extends string>(value: string | null, allowed: readonly Value[], fallback: Value): Value =>
  allowed.includes(value as Value) ? (value as Value) : fallback;

export function parseChannelListParams(searchParams: Pick<URLSearchParams, "get">): ChannelListParams {
  return {
    q: searchParams.get("q") ?? "",
    status: pick(searchParams.get("status"), [...channelStatuses, "all"] as const, "all"),
    kind: pick(searchParams.get("kind"), [...qrKinds, ""] as const, ""),
    group: searchParams.get("group") ?? "",
    tag: searchParams.get("tag") ?? "",
    sort: pick(searchParams.get("sort"), channelSortFields, "createdAt"),
    order: pick(searchParams.get("order"), ["asc", "desc"] as const, "desc"),
    page: Math.max(1, Number(searchParams.get("page")) || 1),
  };
}

/** The list's page of channels for the view's range. */
export function channelListFilterOf(accountId: string, params: ChannelListParams, range: DateRange): ChannelFilter {
  return {
    accountId,
    q: params.q || undefined,
    status: params.status,
    kind: params.kind || undefined,
    group: params.group || undefined,
    tag: params.tag || undefined,
    sort: params.sort,
    order: params.order,
    offset: (params.page - 1) * channelPageSize,
    limit: channelPageSize,
    ...range,
  };
}
