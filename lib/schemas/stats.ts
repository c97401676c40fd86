import { z } from "zod";
import { commaListSchema, isoDateSchema } from "@/lib/schemas/common";

export const maxRangeDays = 3 * 366;

export const statsQuerySchema = z
  .object({
    accountId: z.string().min(1),
    /** Inclusive dates in the account's time zone. */
    from: isoDateSchema,
    to: isoDateSchema,
    channelIds: commaListSchema.optional(),
    groups: commaListSchema.optional(),
    interval: z.enum(["day"]).default("day"),
  })
  .refine((query) => query.from <= query.to, { message: "from must be on or before to", path: ["from"] });
export type StatsQuery = z.infer<typeof statsQuerySchema>;

const countsShape = {
  scans: z.number(),
  uniqueScanners: z.number(),
  newFollows: z.number(),
  unfollows: z.number(),
  netFollows: z.number(),
};

export const summaryCountsSchema = z.object({ ...countsShape, organicFollows: z.number(), unattributedScans: z.number() });
export const summarySchema = summaryCountsSchema.extend({ previous: summaryCountsSchema });
export type SummaryCounts = z.infer<typeof summaryCountsSchema>;
export type Summary = z.infer<typeof summarySchema>;

export const timeseriesPointSchema = z.object({ start: z.string(), ...countsShape });
export const timeseriesSchema = z.object({ points: z.array(timeseriesPointSchema) });
export type TimeseriesPoint = z.infer<typeof timeseriesPointSchema>;
export type Timeseries = z.infer<typeof timeseriesSchema>;
