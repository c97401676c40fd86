"use client";
// The view's range, interval and filters, kept in the URL (?range=last30, or ?range=custom&from=…&to=…,
// &interval=week, &channels=a,b, &groups=Stores, &compare=previousYear or
// &compare=custom&compareFrom=…&compareTo=…, the API's own names), so a view can be bookmarked and
// shared. The selected account (?account=) is left as it is.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import {
  defaultIntervalFor,
  defaultPreset,
  intervalsFor,
  parseCustomRange,
  rangeForPreset,
  rangePresets,
  type DateRange,
  type RangePreset,
} from "@/lib/client/date-range";
import { statsIntervals, type StatsInterval } from "@/lib/schemas/stats";
import {
  comparisonKinds,
  comparisonQueryOf,
  previousPeriod,
  type Comparison,
  type ComparisonKind,
} from "@/lib/time/comparison";
import type { StatsFilter } from "@/lib/client/stats";

export interface StatsParams {
  preset: RangePreset;
  range: DateRange;
  interval: StatsInterval;
  channelIds: string[];
  groups: string[];
  /** What the KPIs' deltas and the chart's dashed line compare the range with. */
  comparison: Comparison;
}

export type StatsParamsUpdate = Partial<{
  preset: RangePreset;
  range: DateRange;
  interval: StatsInterval | null;
  channelIds: string[];
  groups: string[];
  comparison: Comparison;
}>;

function comparisonFrom(searchParams: Pick<URLSearchParams, "get">): Comparison {
  const kind = searchParams.get("compare") as ComparisonKind | null;
  if (!kind || !(comparisonKinds as readonly string[]).includes(kind)) return previousPeriod;
  if (kind !== "custom") return { kind };
  const range = parseCustomRange(searchParams.get("compareFrom"), searchParams.get("compareTo"));
  return range ? { kind, range } : previousPeriod;
}

function splitList(value: string | null): string[] {
  return value ? value.split(",").filter(Boolean) : [];
}

export function useStatsParams(timeZone: string, options: { defaultRange?: RangePreset } = {}) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const fallback = options.defaultRange ?? defaultPreset;

  const params = useMemo<StatsParams>(() => {
    const requested = searchParams.get("range");
    const custom = parseCustomRange(searchParams.get("from"), searchParams.get("to"));
    const preset: RangePreset =
      requested === "custom" && custom
        ? "custom"
        : (rangePresets as readonly string[]).includes(requested ?? "") && requested !== "custom"
          ? (requested as RangePreset)
          : fallback;
    // Presets are computed for today in the account's zone, once per visit of the view.
    const range = preset === "custom" ? custom! : rangeForPreset(preset, timeZone);
    const interval = searchParams.get("interval") as StatsInterval | null;
    return {
      preset,
      range,
      interval:
        interval && (statsIntervals as readonly string[]).includes(interval) && intervalsFor(range).includes(interval)
          ? interval
          : defaultIntervalFor(range),
      channelIds: splitList(searchParams.get("channels")),
      groups: splitList(searchParams.get("groups")),
      comparison: comparisonFrom(searchParams),
    };
  }, [searchParams, timeZone, fallback]);

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
    () => ({
      accountId,
      ...params.range,
      ...(params.channelIds.length ? { channelIds: params.channelIds.join(",") } : {}),
      ...(params.groups.length ? { groups: params.groups.join(",") } : {}),
    }),
    [accountId, params.range, params.channelIds, params.groups],
  );
}
