"use client";
// An IANA time zone, typed or picked from the browser's list (Asia/Shanghai first: most accounts).
import { useMemo } from "react";
import { Field } from "@/components/ui/field";

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
  const zones = useMemo(() => knownTimeZones(), []);
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
          {zones.includes(value) ? null : <option value={value}>{value}</option>}
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
