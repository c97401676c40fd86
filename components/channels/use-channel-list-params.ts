"use client";
// The channel list's search, filters, sort and page live in the URL, so a filtered view can be
// shared and survives a reload. Changing a filter goes back to the first page.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import {
  channelSortFields,
  channelStatuses,
  qrKinds,
  type ChannelSortField,
  type ChannelStatus,
  type QrKind,
} from "@/lib/schemas/channels";

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

export function useChannelListParams() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  const params: ChannelListParams = useMemo(
    () => ({
      q: searchParams.get("q") ?? "",
      status: pick(searchParams.get("status"), [...channelStatuses, "all"] as const, "all"),
      kind: pick(searchParams.get("kind"), [...qrKinds, ""] as const, ""),
      group: searchParams.get("group") ?? "",
      tag: searchParams.get("tag") ?? "",
      sort: pick(searchParams.get("sort"), channelSortFields, "createdAt"),
      order: pick(searchParams.get("order"), ["asc", "desc"] as const, "desc"),
      page: Math.max(1, Number(searchParams.get("page")) || 1),
    }),
    [searchParams],
  );

  const update = useCallback(
    (changes: Partial<ChannelListParams>) => {
      const next = new URLSearchParams(searchParams);
      const merged = { ...params, ...changes, page: changes.page ?? 1 };
      const defaults: Partial<Record<keyof ChannelListParams, string>> = {
        status: "all",
        sort: "createdAt",
        order: "desc",
        page: "1",
      };
      for (const [key, value] of Object.entries(merged) as [keyof ChannelListParams, string | number][]) {
        const text = String(value);
        if (text === "" || defaults[key] === text) next.delete(key);
        else next.set(key, text);
      }
      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    },
    [params, pathname, router, searchParams],
  );

  return { params, update };
}
