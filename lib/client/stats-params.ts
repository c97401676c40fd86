// A dashboard view's range, interval, filters and comparison, read from its URL (?range=last30, or
// ?range=custom&from=…&to=…, &interval=week, &channels=a,b, &groups=Stores, &compare=previousYear or
// &compare=custom&compareFrom=…&compareTo=…). Plain functions, apart from the hook
// (components/analytics/use-stats-params.ts), so they can be tested and reused outside React.
import {
  defaultIntervalFor,
  intervalsFor,
  parseCustomRange,
  rangeForPreset,
  rangePresets,
  type DateRange,
  type RangePreset,
} from "@/lib/client/date-range";
import { statsIntervals, type StatsInterval } from "@/lib/schemas/stats";
import { comparisonKinds, previousPeriod, type Comparison, type ComparisonKind } from "@/lib/time/comparison";
import type { StatsFilter } from "@/lib/client/stats";

type SearchParamsLike = Pick<URLSearchParams, "get">;

export interface StatsParams {
  preset: RangePreset;
  range: DateRange;
  interval: StatsInterval;
  channelIds: string[];
  groups: string[];
  /** What the KPIs' deltas and the chart's dashed line compare the range with. */
  comparison: Comparison;
}

function comparisonFrom(searchParams: SearchParamsLike): Comparison {
  const kind = searchParams.get("compare") as ComparisonKind | null;
  if (!kind || !(comparisonKinds as readonly string[]).includes(kind)) return previousPeriod;
  if (kind !== "custom") return { kind };
  const range = parseCustomRange(searchParams.get("compareFrom"), searchParams.get("compareTo"));
  return range ? { kind, range } : previousPeriod;
}

function splitList(value: string | null): string[] {
  return value ? value.split(",").filter(Boolean) : [];
}

/** The view's parameters; a preset is computed for today in the account's zone. */
export function parseStatsParams(searchParams: SearchParamsLike, timeZone: string, fallback: RangePreset): StatsParams {
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
}

/** The stats filter of a view: the account, its range and its channel and group filters. */
export function statsFilterOf(
  accountId: string,
  params: Pick<StatsParams, "range" | "channelIds" | "groups">,
): StatsFilter {
  return {
    accountId,
    ...params.range,
    ...(params.channelIds.length ? { channelIds: params.channelIds.join(",") } : {}),
    ...(params.groups.length ? { groups: params.groups.join(",") } : {}),
  };
}
