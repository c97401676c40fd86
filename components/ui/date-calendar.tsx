"use client";
// The calendar the date field opens: react-day-picker in the UI's language (month names,
// weekday initials, Monday first in Chinese as in China's calendars). Days outside min–max are
// disabled. Loaded on demand by components/ui/date-input.tsx.
import { useLocale } from "next-intl";
import { DayPicker } from "react-day-picker";
import { enUS, zhCN } from "react-day-picker/locale";
import "react-day-picker/style.css";
import { dateOfIsoDay } from "@/lib/time/typed-day";

const isoDayOfPicked = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

/** The picker works in the browser's local days: an ISO day becomes local midnight and back. */
const localDateOf = (isoDay: string) => {
  const utc = dateOfIsoDay(isoDay);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
};

export function DateCalendar({
  value,
  min,
  max,
  onPick,
}: {
  value: string;
  min?: string;
  max?: string;
  onPick: (isoDay: string) => void;
}) {
  const locale = useLocale();
  const selected = value ? localDateOf(value) : undefined;
  const disabled = [...(min ? [{ before: localDateOf(min) }] : []), ...(max ? [{ after: localDateOf(max) }] : [])];
  return (
    <DayPicker
      mode="single"
      locale={locale === "zh" ? zhCN : enUS}
      weekStartsOn={locale === "zh" ? 1 : 0}
      selected={selected}
      defaultMonth={selected ?? (max ? localDateOf(max) : undefined)}
      disabled={disabled}
      autoFocus
      onSelect={(date) => {
        if (date) onPick(isoDayOfPicked(date));
      }}
    />
  );
}
