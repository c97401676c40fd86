import { z } from "zod";

/** A calendar date (YYYY-MM-DD) that really exists. */
export const isoDateSchema = z.iso.date();

export const timeZoneSchema = z
  .string()
  .refine(isKnownTimeZone, { message: "Unknown IANA time zone (e.g. Asia/Shanghai)" });

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** "a,b,c" in a query string → ["a","b","c"]. */
export const commaListSchema = z.string().transform((value) =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean),
);

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
  }),
});

export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
