"use client";
// The channel list's search, filters, sort and page live in the URL, so a filtered view can be
// shared and survives a reload. Changing a filter goes back to the first page.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseChannelListParams, type ChannelListParams } from "@/lib/client/channel-list-params";

export { channelPageSize, type ChannelListParams } from "@/lib/client/channel-list-params";

export function useChannelListParams() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  const params: ChannelListParams = useMemo(() => parseChannelListParams(searchParams), [searchParams]);

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
