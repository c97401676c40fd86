"use client";
// The audit filters: person, kind of action, object type and a range of days (UTC, as the log
// spans every account). They live in the URL, so a filtered view can be shared.
import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { DateField, SelectField } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { auditActionPrefixes, auditObjectTypes, useAuditWords } from "@/components/team/audit-words";
import type { AuditFilter } from "@/lib/client/team";
import type { Person } from "@/lib/schemas/team";
import styles from "@/components/team/team.module.css";
import uiStyles from "@/components/ui/ui.module.css";

const filterKeys = ["actorId", "action", "objectType", "from", "to"] as const;
const isDay = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

export function useAuditFilter(): [AuditFilter, (change: AuditFilter | null) => void] {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filter = useMemo<AuditFilter>(
    () => ({
      actorId: searchParams.get("actorId") || undefined,
      action: searchParams.get("action") || undefined,
      objectType: searchParams.get("objectType") || undefined,
      from: isDay(searchParams.get("from")),
      to: isDay(searchParams.get("to")),
    }),
    [searchParams],
  );
  const update = useCallback(
    (change: AuditFilter | null) => {
      const params = new URLSearchParams(searchParams.toString());
      if (change === null) for (const key of filterKeys) params.delete(key);
      else
        for (const [key, value] of Object.entries(change)) {
          if (value) params.set(key, String(value));
          else params.delete(key);
        }
      const text = params.toString();
      router.replace(text ? `${pathname}?${text}` : pathname, { scroll: false });
    },
    [pathname, router, searchParams],
  );
  return [filter, update];
}

export function AuditFilters({
  filter,
  onChange,
  people,
  exportUrl,
}: {
  filter: AuditFilter;
  onChange: (change: AuditFilter | null) => void;
  people: Person[];
  exportUrl: string;
}) {
  const t = useTranslations("team.audit.filters");
  const words = useAuditWords();
  const isFiltered = Object.values(filter).some(Boolean);

  return (
    <div className={styles.filters} data-testid="audit-filters">
      <SelectField
        label={t("person")}
        value={filter.actorId ?? ""}
        onChange={(event) => onChange({ actorId: event.target.value })}
        data-testid="audit-actor"
      >
        <option value="">{t("anyone")}</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name ? `${person.name} (${person.email})` : person.email}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("action")}
        value={filter.action ?? ""}
        onChange={(event) => onChange({ action: event.target.value })}
        data-testid="audit-action"
      >
        <option value="">{t("anyAction")}</option>
        {auditActionPrefixes.map((prefix) => (
          <option key={prefix} value={prefix}>
            {words.prefixLabel(prefix)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("objectType")}
        value={filter.objectType ?? ""}
        onChange={(event) => onChange({ objectType: event.target.value })}
        data-testid="audit-object-type"
      >
        <option value="">{t("anyObject")}</option>
        {auditObjectTypes.map((type) => (
          <option key={type} value={type}>
            {words.objectTypeLabel(type)}
          </option>
        ))}
      </SelectField>
      <DateField
        label={t("from")}
        value={filter.from ?? ""}
        max={filter.to}
        onChange={(day) => onChange({ from: day })}
        data-testid="audit-from"
      />
      <DateField
        label={t("to")}
        value={filter.to ?? ""}
        min={filter.from}
        onChange={(day) => onChange({ to: day })}
        data-testid="audit-to"
      />
      <div className={styles.filterActions}>
        {isFiltered ? (
          <Button variant="ghost" onClick={() => onChange(null)}>
            {t("clear")}
          </Button>
        ) : null}
        <a href={exportUrl} download className={`${uiStyles.button} ${uiStyles.secondary}`} data-testid="audit-export">
          {t("export")}
        </a>
      </div>
    </div>
  );
}
