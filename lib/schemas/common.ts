import { z } from "zod";

/**
 * For a check across fields (`.superRefine(check, whenEveryFieldParsed)`): it runs only once every
 * field has parsed, so it sees typed values and never raw input. Zod's default runs an object's
 * refinements after "continuable" field issues too (a date of the wrong format), with the raw
 * strings in place: a range check on `from=x` then reached domain code and answered 500.
 */
export const whenEveryFieldParsed = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

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
