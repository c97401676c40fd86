// Query strings of the report downloads (/api/reports/*). Every one takes the stats filter
// (accountId, from, to, channelIds, groups) and the header language; each adds its format.
import { z } from "zod";
import { whenEveryFieldParsed } from "@/lib/schemas/common";
import { checkComparison, checkRange, comparisonShape, maxRangeDays, statsFilterShape } from "@/lib/schemas/stats";

export const reportLanguages = ["en", "zh"] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

export const reportIntervals = ["day", "week", "month"] as const;
export type ReportInterval = (typeof reportIntervals)[number];

export const reportMetrics = ["scans", "uniqueScanners", "newFollows", "unfollows", "netFollows", "retention"] as const;
export type ReportMetric = (typeof reportMetrics)[number];

const reportShape = {
  ...statsFilterShape,
  lang: z.enum(reportLanguages).default("en"),
};

/** Optional: the metric columns to keep (comma-separated, of reportMetrics); all when left out. */
const metricsShape = {
  metrics: z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(reportMetrics)).min(1))
    .optional(),
};

const withRange = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z
    .object(shape)
    .superRefine((query, context) => checkRange(query as never, context, maxRangeDays), whenEveryFieldParsed);

export const channelsReportQuerySchema = withRange({
  ...reportShape,
  ...metricsShape,
  format: z.enum(["csv", "xlsx"]),
});
export type ChannelsReportQuery = z.infer<typeof channelsReportQuerySchema>;

export const timeseriesReportQuerySchema = withRange({
  ...reportShape,
  ...metricsShape,
  format: z.enum(["csv", "xlsx"]),
  interval: z.enum(reportIntervals).default("day"),
  /** "true": a row per bucket and channel instead of a row per bucket. */
  perChannel: z.enum(["true", "false"]).default("false"),
});
export type TimeseriesReportQuery = z.infer<typeof timeseriesReportQuerySchema>;

/** The workbook's Summary sheet sets the range beside its comparison (the previous period unless asked). */
export const workbookReportQuerySchema = z
  .object({ ...reportShape, ...comparisonShape, format: z.literal("xlsx").default("xlsx") })
  .superRefine((query, context) => {
    checkRange(query, context, maxRangeDays);
    checkComparison(query, context);
  }, whenEveryFieldParsed);
export type WorkbookReportQuery = z.infer<typeof workbookReportQuerySchema>;

export const eventsReportQuerySchema = withRange({ ...reportShape, format: z.literal("csv").default("csv") });
export type EventsReportQuery = z.infer<typeof eventsReportQuerySchema>;

export const eventsCountQuerySchema = withRange({ ...statsFilterShape });
export const eventsCountSchema = z.object({ count: z.number() });
export type EventsCount = z.infer<typeof eventsCountSchema>;
