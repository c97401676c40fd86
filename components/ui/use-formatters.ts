"use client";
// Numbers and dates in the reader's language and the account's time zone. Instants (event
// times) are shown in the account's zone; calendar dates (chart days) are already in it and are
// formatted as plain dates, never shifted.
import { useFormatter, useLocale } from "next-intl";
import { useMemo } from "react";
import { calendarDateToUtcNoon } from "@/lib/client/date-range";

export function useFormatters(timeZone: string) {
  const format = useFormatter();
  const locale = useLocale();
  return useMemo(
    () => ({
      /** The zone in words with its offset ("China Standard Time (GMT+8)", "中国标准时间（GMT+8）"), not its IANA id. */
      zoneName: () => describeTimeZone(timeZone, locale),
      /** Counts: plain integers with grouping ("1", "1,234"). */
      count: (value: number) => format.number(value, { maximumFractionDigits: 0 }),
      signedCount: (value: number) => format.number(value, { maximumFractionDigits: 0, signDisplay: "exceptZero" }),
      instant: (iso: string) => format.dateTime(new Date(iso), { timeZone, dateStyle: "medium", timeStyle: "short" }),
      instantWithSeconds: (iso: string) =>
        format.dateTime(new Date(iso), {
          timeZone,
          month: "short",
          day: "numeric",
          hour: "2-digit",
          minute: "2-digit",
          second: "2-digit",
        }),
      calendarDate: (date: string, style: "axis" | "tooltip" | "range") =>
        format.dateTime(
          calendarDateToUtcNoon(date),
          style === "axis"
            ? { timeZone: "UTC", month: "short", day: "numeric" }
            : style === "tooltip"
              ? { timeZone: "UTC", weekday: "short", year: "numeric", month: "short", day: "numeric" }
              : { timeZone: "UTC", year: "numeric", month: "short", day: "numeric" },
        ),
    }),
    [format, locale, timeZone],
  );
}

function timeZonePart(timeZone: string, locale: string, style: "longGeneric" | "shortOffset"): string | undefined {
  return new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style })
    .formatToParts(new Date())
    .find((part) => part.type === "timeZoneName")?.value;
}

export function describeTimeZone(timeZone: string, locale: string): string {
  try {
    const name = timeZonePart(timeZone, locale, "longGeneric");
    const offset = timeZonePart(timeZone, locale, "shortOffset");
    if (!name || !offset || name === offset) return offset ?? timeZone;
    return locale.startsWith("zh") ? `${name}（${offset}）` : `${name} (${offset})`;
  } catch {
    return timeZone;
  }
}
