import { z } from "zod";
import { commaListSchema, isoDateSchema, whenEveryFieldParsed } from "@/lib/schemas/common";
import { daysBetweenInclusive } from "@/lib/time/zone";
import { comparisonKinds, defaultComparisonKind, type Comparison, type ComparisonKind } from "@/lib/time/comparison";

/** The longest range any stats call accepts (three years). */
export const maxRangeDays = 3 * 366;
/** Hourly points read raw events for their unique scanners: at most a week of them. */
export const maxHourRangeDays = 7;
/** Compare shows at most this many channels or groups at once. */
export const maxCompared = 5;

export const statsIntervals = ["hour", "day", "week", "month"] as const;
export type StatsInterval = (typeof statsIntervals)[number];

export const statsFilterShape = {
  accountId: z.string().min(1),
  /** Inclusive dates in the account's time zone. */
  from: isoDateSchema,
  to: isoDateSchema,
  /** Comma-separated channel ids; all channels when left out. */
  channelIds: commaListSchema.optional(),
  /** Comma-separated channel groups; combined with channelIds, a channel must match both. */
  groups: commaListSchema.optional(),
};

type RangeFields = { from: string; to: string };

/** A cross-field check: give it to `.superRefine` with `whenEveryFieldParsed`, so both dates are real. */
export function checkRange(query: RangeFields, context: z.RefinementCtx, maxDays: number): void {
  if (query.from > query.to) {
    context.addIssue({ code: "custom", path: ["from"], message: "from must be on or before to" });
  } else if (daysBetweenInclusive(query.from, query.to) > maxDays) {
    context.addIssue({ code: "custom", path: ["to"], message: `A range is at most ${maxDays} days` });
  }
}

/**
 * What the range is compared with (lib/time/comparison.ts): the previous period unless asked
 * otherwise; `custom` takes compareFrom and compareTo, inclusive dates in the account's zone.
 */
export const comparisonShape = {
  compare: z.enum(comparisonKinds).default(defaultComparisonKind),
  compareFrom: isoDateSchema.optional(),
  compareTo: isoDateSchema.optional(),
};

type ComparisonFields = { compare: ComparisonKind; compareFrom?: string; compareTo?: string };

export function checkComparison(query: ComparisonFields, context: z.RefinementCtx): void {
  if (query.compare !== "custom") return;
  for (const field of ["compareFrom", "compareTo"] as const) {
    if (query[field] === undefined)
      context.addIssue({ code: "custom", path: [field], message: `${field} is required when compare is custom` });
  }
  if (!query.compareFrom || !query.compareTo) return;
  if (query.compareFrom > query.compareTo) {
    context.addIssue({ code: "custom", path: ["compareFrom"], message: "compareFrom must be on or before compareTo" });
  } else if (daysBetweenInclusive(query.compareFrom, query.compareTo) > maxRangeDays) {
    context.addIssue({ code: "custom", path: ["compareTo"], message: `A range is at most ${maxRangeDays} days` });
  }
}

/** The comparison a validated query asks for. */
export function comparisonOf(query: ComparisonFields): Comparison {
  return query.compare === "custom"
    ? { kind: "custom", range: { from: query.compareFrom!, to: query.compareTo! } }
    : { kind: query.compare };
}

/** accountId, from, to and the channel filters: what every stats call takes. */
export const statsFilterSchema = z
  .object(statsFilterShape)
  .superRefine((query, context) => checkRange(query, context, maxRangeDays), whenEveryFieldParsed);
export type StatsFilterQuery = z.infer<typeof statsFilterSchema>;

/** The summary: the filter and what to compare it with. */
export const summaryQuerySchema = z
  .object({ ...statsFilterShape, ...comparisonShape })
  .superRefine((query, context) => {
    checkRange(query, context, maxRangeDays);
    checkComparison(query, context);
  }, whenEveryFieldParsed);
export type SummaryQuery = z.input<typeof summaryQuerySchema>;

export const timeseriesQuerySchema = z
  .object({ ...statsFilterShape, interval: z.enum(statsIntervals).default("day") })
  .superRefine(
    (query, context) => checkRange(query, context, query.interval === "hour" ? maxHourRangeDays : maxRangeDays),
    whenEveryFieldParsed,
  );
export type TimeseriesQuery = z.infer<typeof timeseriesQuerySchema>;

const countsShape = {
  scans: z.number(),
  uniqueScanners: z.number(),
  newFollows: z.number(),
  unfollows: z.number(),
  netFollows: z.number(),
};

export const summaryCountsSchema = z.object({
  ...countsShape,
  organicFollows: z.number(),
  unattributedScans: z.number(),
});
const dayRangeSchema = z.object({ from: z.string(), to: z.string() });
export const summarySchema = summaryCountsSchema.extend({
  previous: summaryCountsSchema,
  /** The range `previous` covers. */
  previousRange: dayRangeSchema,
});
export type SummaryCounts = z.infer<typeof summaryCountsSchema>;
export type Summary = z.infer<typeof summarySchema>;

export const timeseriesPointSchema = z.object({
  /** YYYY-MM-DD, the first day the point covers; for hours, the ISO instant the local hour begins. */
  start: z.string(),
  /** The last day the point covers (weeks and months are clipped to the range); absent for hours. */
  end: z.string().optional(),
  ...countsShape,
});
export const timeseriesSchema = z.object({
  interval: z.enum(statsIntervals).optional(),
  timezone: z.string().optional(),
  points: z.array(timeseriesPointSchema),
});
export type TimeseriesPoint = z.infer<typeof timeseriesPointSchema>;
export type Timeseries = z.infer<typeof timeseriesSchema>;

/** Share of a cohort still following N days after the follow; null when no follow is N days old yet. */
export const retentionSchema = z.object({
  d1: z.number().nullable(),
  d7: z.number().nullable(),
  d30: z.number().nullable(),
});
export type Retention = z.infer<typeof retentionSchema>;

export const channelStatsRowSchema = z.object({
  channelId: z.string(),
  name: z.string(),
  group: z.string().nullable(),
  scene: z.string(),
  isArchived: z.boolean(),
  ...countsShape,
  retention: retentionSchema,
});
export const channelStatsSchema = z.object({ rows: z.array(channelStatsRowSchema) });
export type ChannelStatsRow = z.infer<typeof channelStatsRowSchema>;
export type ChannelStats = z.infer<typeof channelStatsSchema>;

export const retentionCurveSchema = z.object({
  points: z.array(
    z.object({
      /** Days after the follow. */
      day: z.number(),
      /** Follows of the range at least `day` days old. */
      eligible: z.number(),
      /** Of those, still following `day` days after the follow. */
      retained: z.number(),
      rate: z.number().nullable(),
    }),
  ),
});
export type RetentionCurve = z.infer<typeof retentionCurveSchema>;

/** One push as the live feed shows it. */
export const liveEventSchema = z.object({
  id: z.number(),
  type: z.enum(["subscribe", "scan", "unsubscribe", "other"]),
  /** The openid shortened: enough to tell scanners apart on screen, not to identify anyone. */
  openid: z.string(),
  scene: z.string(),
  channelId: z.string().nullable(),
  channelName: z.string().nullable(),
  occurredAt: z.string(),
});
export type LiveEvent = z.infer<typeof liveEventSchema>;
export const liveQuerySchema = z.object({ accountId: z.string().min(1) });
