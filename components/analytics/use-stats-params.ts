"use client";
// The view's range, interval and filters, kept in the URL (?range=last30, or ?range=custom&from=…&to=…,
// &interval=week, &channels=a,b, &groups=Stores, &compare=previousYear or
// &compare=custom&compareFrom=…&compareTo=…, the API's own names), so a view can be bookmarked and
// shared. The selected account (?account=) is left as it is.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { defaultPreset, type DateRange, type RangePreset } from "@/lib/client/date-range";
import type { StatsInterval } from "@/lib/schemas/stats";
import { comparisonQueryOf, type Comparison } from "@/lib/time/comparison";
import type { StatsFilter } from "@/lib/client/stats";
import { parseStatsParams, statsFilterOf, type StatsParams } from "@/lib/client/stats-params";

export type { StatsParams };

export type StatsParamsUpdate = Partial<{
  preset: RangePreset;
  range: DateRange;
  interval: StatsInterval | null;
  channelIds: string[];
  groups: string[];
  comparison: Comparison;
}>;

export function useStatsParams(timeZone: string, options: { defaultRange?: RangePreset } = {}) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const fallback = options.defaultRange ?? defaultPreset;

  const params = useMemo<StatsParams>(
    () => parseStatsParams(searchParams, timeZone, fallback),
    [searchParams, timeZone, fallback],
  );

  const update = useCallback(
    /** `reset`: other keys of the URL that no longer apply (a list's page). */
    (change: StatsParamsUpdate, { reset = [] }: { reset?: string[] } = {}) => {
      const next = new URLSearchParams(searchParams);
      for (const key of reset) next.delete(key);
      const set = (key: string, value: string | null | undefined) => (value ? next.set(key, value) : next.delete(key));
      if (change.preset) {
        set("range", change.preset === fallback && !change.range ? null : change.preset);
        if (change.preset !== "custom") {
          next.delete("from");
          next.delete("to");
        }
      }
      if (change.range) {
        set("range", "custom");
        set("from", change.range.from);
        set("to", change.range.to);
      }
      if (change.preset || change.range || change.interval !== undefined) set("interval", change.interval ?? null);
      if (change.channelIds) set("channels", change.channelIds.join(","));
      if (change.groups) set("groups", change.groups.join(","));
      if (change.comparison) {
        const query = comparisonQueryOf(change.comparison);
        set("compare", query.compare);
        set("compareFrom", query.compareFrom);
        set("compareTo", query.compareTo);
      }
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [searchParams, router, pathname, fallback],
  );

  return { params, update };
}

/** The stats filter of a view: the account, its range and its channel and group filters. */
export function useStatsFilter(accountId: string, params: StatsParams): StatsFilter {
  return useMemo(
    () => statsFilterOf(accountId, params),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the parts of params the filter is made of
    [accountId, params.range, params.channelIds, params.groups],
  );
}
