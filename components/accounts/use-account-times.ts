"use client";
// Times on the accounts page, in the account's own zone: "12:03:11" for what just arrived in the
// wizard, a date and time for the list.
import { useFormatter } from "next-intl";
import { useMemo } from "react";

export function useAccountTimes(timeZone: string) {
  const format = useFormatter();
  return useMemo(
    () => ({
      clock: (iso: string) =>
        format.dateTime(new Date(iso), {
          timeZone,
          hour: "2-digit",
          minute: "2-digit",
          second: "2-digit",
          hourCycle: "h23",
        }),
      instant: (iso: string) =>
        format.dateTime(new Date(iso), {
          timeZone,
          year: "numeric",
          month: "short",
          day: "numeric",
          hour: "2-digit",
          minute: "2-digit",
          second: "2-digit",
          hourCycle: "h23",
        }),
    }),
    [format, timeZone],
  );
}
