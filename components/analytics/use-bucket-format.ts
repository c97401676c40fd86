"use client";
// Labels for chart buckets: calendar days (already in the account's zone, never shifted), weeks and
// months by their first day, and hours as instants shown in the account's zone — with the zone's
// abbreviation in the tooltip, so New York's two 01:00 hours in November read 01:00 EDT and 01:00 EST.
// A week or month in a tooltip shows its days, the clipped first and last included (Nov 23 – 24).
import { useFormatter } from "next-intl";
import { useMemo } from "react";
import { calendarDateToUtcNoon } from "@/lib/client/date-range";
import type { StatsInterval } from "@/lib/schemas/stats";

/** `ends`: the last day of each week or month bucket by its start, to show clipped buckets as such. */
export function useBucketFormat(interval: StatsInterval, timeZone: string, ends?: Map<string, string>) {
  const format = useFormatter();
  return useMemo(
    () =>
      (start: string, style: "axis" | "tooltip"): string => {
        const end = ends?.get(start);
        if (style === "tooltip" && (interval === "week" || interval === "month") && end) {
          const options = { timeZone: "UTC", year: "numeric", month: "short", day: "numeric" } as const;
          return format.dateTimeRange(calendarDateToUtcNoon(start), calendarDateToUtcNoon(end), options);
        }
        if (interval === "hour") {
          const instant = new Date(start);
          return style === "axis"
            ? format.dateTime(instant, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
            : format.dateTime(instant, {
                timeZone,
                weekday: "short",
                month: "short",
                day: "numeric",
                hour: "2-digit",
                minute: "2-digit",
                hourCycle: "h23",
                timeZoneName: "short",
              });
        }
        const date = calendarDateToUtcNoon(start);
        if (interval === "month")
          return format.dateTime(date, {
            timeZone: "UTC",
            year: style === "axis" ? "2-digit" : "numeric",
            month: style === "axis" ? "short" : "long",
          });
        return style === "axis"
          ? format.dateTime(date, { timeZone: "UTC", month: "short", day: "numeric" })
          : format.dateTime(date, {
              timeZone: "UTC",
              weekday: "short",
              year: "numeric",
              month: "short",
              day: "numeric",
            });
      },
    [format, interval, timeZone, ends],
  );
}
