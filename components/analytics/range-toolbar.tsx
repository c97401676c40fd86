"use client";
// The range and filters of an analytics view: presets in the account's zone (today, yesterday,
// last 7/30/90 days, this month, last month) or custom dates, the interval of the chart, what the
// numbers are compared with, and channel groups and channels. Everything is written to the URL.
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { intervalsFor, rangePresets, type DateRange, type RangePreset } from "@/lib/client/date-range";
import { comparisonKinds, comparisonRangeOf, type ComparisonKind } from "@/lib/time/comparison";
import { maxRangeDays, type StatsInterval } from "@/lib/schemas/stats";
import type { StatsParams, StatsParamsUpdate } from "@/components/analytics/use-stats-params";
import styles from "@/components/analytics/analytics.module.css";

export interface FilterChoice {
  id: string;
  name: string;
  group: string | null;
}

interface RangeToolbarProps {
  params: StatsParams;
  onChange: (change: StatsParamsUpdate) => void;
  /** The account's channels, for the filters; leave out to show no filters. */
  channels?: FilterChoice[];
  hasInterval?: boolean;
  /** Offer the comparison (previous period, previous month, last year, custom) for KPI deltas and the chart. */
  hasComparison?: boolean;
}

export function RangeToolbar({
  params,
  onChange,
  channels,
  hasInterval = true,
  hasComparison = false,
}: RangeToolbarProps) {
  const t = useTranslations("analytics.range");
  const intervals = intervalsFor(params.range);
  return (
    <div className={styles.toolbar} role="group" aria-label={t("label")}>
      <div className={styles.presets} data-testid="range-presets">
        {rangePresets
          .filter((preset) => preset !== "custom")
          .map((preset) => (
            <button
              key={preset}
              type="button"
              className={styles.preset}
              aria-pressed={params.preset === preset}
              onClick={() => onChange({ preset, interval: null })}
              data-testid={`range-${preset}`}
            >
              {t(`presets.${preset}`)}
            </button>
          ))}
      </div>
      {/* Keyed by the range: picking a preset resets the custom dates to it. */}
      <CustomRange key={`${params.range.from}|${params.range.to}`} params={params} onChange={onChange} />
      {hasInterval ? (
        <label className={styles.selectLabel}>
          <span>{t("interval")}</span>
          <select
            className={styles.select}
            value={params.interval}
            onChange={(event) => onChange({ interval: event.target.value as StatsInterval })}
            data-testid="range-interval"
          >
            {intervals.map((interval) => (
              <option key={interval} value={interval}>
                {t(`intervals.${interval}`)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {hasComparison ? <ComparisonPicker params={params} onChange={onChange} /> : null}
      {channels ? <Filters params={params} onChange={onChange} channels={channels} /> : null}
    </div>
  );
}

function ComparisonPicker({ params, onChange }: Pick<RangeToolbarProps, "params" | "onChange">) {
  const t = useTranslations("analytics.comparison");
  const kind = params.comparison.kind;
  // Choosing "custom" starts from the range the view compares with now, for the user to adjust.
  const current = comparisonRangeOf(params.range, params.comparison);
  return (
    <div className={styles.comparison}>
      <label className={styles.selectLabel}>
        <span>{t("label")}</span>
        <select
          className={styles.select}
          value={kind}
          onChange={(event) => {
            const next = event.target.value as ComparisonKind;
            onChange({ comparison: next === "custom" ? { kind: next, range: current } : { kind: next } });
          }}
          data-testid="range-compare"
        >
          {comparisonKinds.map((option) => (
            <option key={option} value={option}>
              {t(`kinds.${option}`)}
            </option>
          ))}
        </select>
      </label>
      {params.comparison.kind === "custom" ? (
        <DateRangeForm
          key={`${current.from}|${current.to}`}
          range={current}
          labels={{ from: t("from"), to: t("to") }}
          testIdPrefix="compare"
          onApply={(range) => onChange({ comparison: { kind: "custom", range } })}
        />
      ) : null}
    </div>
  );
}

function CustomRange({ params, onChange }: Pick<RangeToolbarProps, "params" | "onChange">) {
  const t = useTranslations("analytics.range");
  return (
    <DateRangeForm
      range={params.range}
      isActive={params.preset === "custom"}
      labels={{ from: t("from"), to: t("to") }}
      testIdPrefix="range"
      onApply={(range) => onChange({ range, interval: null })}
    />
  );
}

/** Two date inputs and, once either changes, an Apply button. */
function DateRangeForm({
  range,
  isActive = true,
  labels,
  testIdPrefix,
  onApply,
}: {
  range: DateRange;
  isActive?: boolean;
  labels: { from: string; to: string };
  testIdPrefix: string;
  onApply: (range: DateRange) => void;
}) {
  const t = useTranslations("analytics.range");
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const isValid = from && to && from <= to && (Date.parse(to) - Date.parse(from)) / 86_400_000 < maxRangeDays;
  const isChanged = from !== range.from || to !== range.to;
  return (
    <form
      className={`${styles.custom} ${isActive ? styles.customActive : ""}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (isValid) onApply({ from, to });
      }}
    >
      <DateInput
        className={styles.date}
        value={from}
        max={to}
        onChange={setFrom}
        aria-label={labels.from}
        data-testid={`${testIdPrefix}-from`}
      />
      <span className="faint">–</span>
      <DateInput
        className={styles.date}
        value={to}
        min={from}
        onChange={setTo}
        aria-label={labels.to}
        data-testid={`${testIdPrefix}-to`}
      />
      {isChanged ? (
        <Button type="submit" size="small" disabled={!isValid} data-testid={`${testIdPrefix}-apply`}>
          {t("apply")}
        </Button>
      ) : null}
    </form>
  );
}

function Filters({
  params,
  onChange,
  channels,
}: Pick<RangeToolbarProps, "params" | "onChange"> & { channels: FilterChoice[] }) {
  const t = useTranslations("analytics.filters");
  const groups = useMemo(
    () =>
      [...new Set(channels.map((channel) => channel.group).filter((group): group is string => !!group))].sort((a, b) =>
        a.localeCompare(b),
      ),
    [channels],
  );
  const isFiltered = params.channelIds.length > 0 || params.groups.length > 0;
  return (
    <div className={styles.filters}>
      {groups.length ? (
        <label className={styles.selectLabel}>
          <span>{t("group")}</span>
          <select
            className={styles.select}
            value={params.groups[0] ?? ""}
            onChange={(event) => onChange({ groups: event.target.value ? [event.target.value] : [] })}
            data-testid="filter-group"
          >
            <option value="">{t("allGroups")}</option>
            {groups.map((group) => (
              <option key={group} value={group}>
                {group}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <ChannelPicker
        channels={channels}
        selected={params.channelIds}
        onChange={(channelIds) => onChange({ channelIds })}
      />
      {isFiltered ? (
        <Button
          size="small"
          variant="ghost"
          onClick={() => onChange({ channelIds: [], groups: [] })}
          data-testid="filter-clear"
        >
          {t("clear")}
        </Button>
      ) : null}
    </div>
  );
}

/** A button that opens a checklist of channels, with a search box for long lists. */
export function ChannelPicker({
  channels,
  selected,
  onChange,
  max,
}: {
  channels: FilterChoice[];
  selected: string[];
  onChange: (ids: string[]) => void;
  max?: number;
}) {
  const t = useTranslations("analytics.filters");
  const [isOpen, setIsOpen] = useState(false);
  const [search, setSearch] = useState("");
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!isOpen) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !root.current?.contains(event.target as Node))
        setIsOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [isOpen]);
  const shown = channels
    .filter((channel) => `${channel.name} ${channel.group ?? ""}`.toLowerCase().includes(search.trim().toLowerCase()))
    .slice(0, 200);
  const label =
    selected.length === 0
      ? t("allChannels")
      : selected.length === 1
        ? (channels.find((channel) => channel.id === selected[0])?.name ?? t("channelsSelected", { count: 1 }))
        : t("channelsSelected", { count: selected.length });
  const toggle = (id: string) =>
    onChange(selected.includes(id) ? selected.filter((candidate) => candidate !== id) : [...selected, id]);
  return (
    <div className={styles.picker} ref={root}>
      <button
        type="button"
        className={styles.pickerButton}
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setIsOpen(!isOpen)}
        data-testid="filter-channels"
      >
        {label}
        <span aria-hidden className="faint">
          ▾
        </span>
      </button>
      {isOpen ? (
        <div className={styles.pickerPanel} id={panelId}>
          <input
            className={styles.pickerSearch}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t("search")}
            aria-label={t("search")}
            autoFocus
          />
          {max ? <p className={styles.pickerHint}>{t("upTo", { count: max })}</p> : null}
          <ul className={styles.pickerList}>
            {shown.map((channel) => {
              const isChecked = selected.includes(channel.id);
              return (
                <li key={channel.id}>
                  <label className={styles.pickerItem}>
                    <input
                      type="checkbox"
                      checked={isChecked}
                      disabled={!isChecked && max !== undefined && selected.length >= max}
                      onChange={() => toggle(channel.id)}
                    />
                    <span className={styles.pickerName}>{channel.name}</span>
                    {channel.group ? <span className="faint">{channel.group}</span> : null}
                  </label>
                </li>
              );
            })}
            {shown.length === 0 ? <li className="faint">{t("noMatch")}</li> : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

export type { RangePreset };
