"use client";
// An IANA time zone picked from the browser's list (Asia/Shanghai first: most accounts), shown in words too.
import { useLocale } from "next-intl";
import { useMemo } from "react";
import { Field } from "@/components/ui/field";
import { describeTimeZone } from "@/components/ui/use-formatters";

function knownTimeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["Asia/Shanghai", ...zones.filter((zone) => zone !== "Asia/Shanghai")];
}

export function TimeZoneField({
  label,
  hint,
  error,
  value,
  onChange,
  testId,
}: {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (zone: string) => void;
  testId?: string;
}) {
  const locale = useLocale();
  // The id and the zone in words: several ids share a name ("Central European Time (GMT+1)").
  const zones = useMemo(
    () => knownTimeZones().map((zone) => ({ zone, label: `${zone} · ${describeTimeZone(zone, locale)}` })),
    [locale],
  );
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
          {zones.some(({ zone }) => zone === value) ? null : <option value={value}>{value}</option>}
          {zones.map(({ zone, label }) => (
            <option key={zone} value={zone}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
