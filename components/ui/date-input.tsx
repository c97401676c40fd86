"use client";
// A date field in the app's language rather than the browser's. The native <input type="date">
// writes the day and draws its calendar in the browser's locale (mm/dd/yyyy in an English Chrome
// whatever the UI says), so a Chinese page showed English dates and the reverse. This field shows
// the day as the UI writes dates, takes what people type (lib/time/typed-day.ts: the shown form,
// 2026-12-05, 2026/12/5…) and opens a calendar in the UI's language. Its value stays an ISO day
// ("" for none); text that is not a day stays as typed, marked invalid, until it is or focus leaves.
import dynamic from "next/dynamic";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type InputHTMLAttributes } from "react";
import { dateOfIsoDay, parseTypedDay } from "@/lib/time/typed-day";
import styles from "@/components/ui/date-input.module.css";

// The calendar's code (react-day-picker and its locale) loads when it first opens, not with the page.
const DateCalendar = dynamic(() => import("@/components/ui/date-calendar").then((module) => module.DateCalendar), {
  ssr: false,
});

export interface DateInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "value" | "onChange" | "min" | "max"
> {
  value: string;
  onChange: (isoDay: string) => void;
  min?: string;
  max?: string;
  "data-testid"?: string;
}

export function DateInput({ value, onChange, min, max, className, "data-testid": testId, ...input }: DateInputProps) {
  const t = useTranslations("layout.dateInput");
  const format = useFormatter();
  const [draft, setDraft] = useState<string | null>(null);
  const [isCalendarOpen, setCalendarOpen] = useState(false);
  const wrapper = useRef<HTMLSpanElement>(null);
  const isInBounds = (day: string) => (!min || day >= min) && (!max || day <= max);
  const shown = value ? format.dateTime(dateOfIsoDay(value), { dateStyle: "medium", timeZone: "UTC" }) : "";
  const draftDay = draft === null ? null : parseTypedDay(draft);

  useEffect(() => {
    if (!isCalendarOpen) return;
    const closeOnOutside = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setCalendarOpen(false);
    };
    document.addEventListener("pointerdown", closeOnOutside);
    return () => document.removeEventListener("pointerdown", closeOnOutside);
  }, [isCalendarOpen]);

  return (
    <span
      ref={wrapper}
      className={styles.wrapper}
      onKeyDown={(event) => {
        if (event.key === "Escape" && isCalendarOpen) {
          event.stopPropagation();
          setCalendarOpen(false);
        }
      }}
    >
      <input
        {...input}
        data-testid={testId}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className={`${className ?? ""} ${styles.input}`}
        value={draft ?? shown}
        placeholder={input.placeholder ?? t("typedFormat")}
        aria-invalid={
          Boolean(input["aria-invalid"]) ||
          (draft !== null && draft !== "" && (draftDay === null || !isInBounds(draftDay)))
        }
        onChange={(event) => {
          setDraft(event.target.value);
          const day = parseTypedDay(event.target.value);
          if (day && isInBounds(day) && day !== value) onChange(day);
          if (event.target.value === "" && value !== "") onChange("");
        }}
        onBlur={(event) => {
          setDraft(null);
          input.onBlur?.(event);
        }}
      />
      <button
        type="button"
        className={styles.calendarButton}
        aria-label={t("openCalendar")}
        aria-expanded={isCalendarOpen}
        onClick={() => setCalendarOpen((isOpen) => !isOpen)}
        data-testid={testId ? `${testId}-calendar` : undefined}
      >
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <rect x="1.5" y="3" width="13" height="11.5" rx="2" fill="none" stroke="currentColor" strokeWidth="1.4" />
          <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" strokeWidth="1.4" />
        </svg>
      </button>
      {isCalendarOpen ? (
        <span className={styles.popover}>
          <DateCalendar
            value={value}
            min={min}
            max={max}
            onPick={(day) => {
              onChange(day);
              setCalendarOpen(false);
            }}
          />
        </span>
      ) : null}
    </span>
  );
}
