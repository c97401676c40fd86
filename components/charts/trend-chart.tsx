"use client";
// A trend of a few series over buckets (hours, days, weeks, months), optionally with the previous
// period as dashed lines aligned bucket by bucket. It takes shaped, typed points and formatters and
// never fetches, so the same chart serves the overview, a channel, or a comparison.
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import styles from "@/components/charts/trend-chart.module.css";

export interface TrendSeries<Key extends string> {
  key: Key;
  label: string;
  /** Any CSS colour, custom properties included. */
  color: string;
}

export type TrendPoint<Key extends string> = { date: string } & Record<Key, number>;

export interface TrendComparison<Key extends string> {
  /** The previous period's points, the same number as `points` (aligned by position). */
  points: TrendPoint<Key>[];
  /** "Previous period" in the reader's language. */
  label: string;
}

/** The buckets at the end that are not whole (lib/client/incomplete-buckets.ts): drawn dotted. */
export interface TrendIncomplete {
  /** The index of the first of them. */
  from: number;
  /** "Partial period" in the reader's language, for the tooltip. */
  label: string;
  /** What the dotted line means, under the chart. */
  note: string;
}

interface TrendChartProps<Key extends string> {
  points: TrendPoint<Key>[];
  series: TrendSeries<Key>[];
  comparison?: TrendComparison<Key>;
  incomplete?: TrendIncomplete | null;
  /** "axis": short (Jan 5 / 1月5日, or 14:00 for hours); "tooltip": with weekday and year. */
  formatDate: (date: string, style: "axis" | "tooltip") => string;
  formatNumber: (value: number) => string;
  height?: number;
  /** Announced to screen readers in place of the drawing. */
  ariaLabel: string;
  /** Drawn without the legend (the caller shows toggles instead). */
  hasLegend?: boolean;
  /** "area" (filled, for one or two series) or "line" (for comparing several). */
  variant?: "area" | "line";
}

type Row = Record<string, number | string>;

const previousKey = (key: string) => `previous:${key}`;
// A series is drawn in two parts: whole buckets solid, the incomplete ones dotted from the last
// whole one on (so the two meet). The row keeps the value itself under the series' key.
const wholeKey = (key: string) => `whole:${key}`;
const incompleteKey = (key: string) => `incomplete:${key}`;

export function TrendChart<Key extends string>({
  points,
  series,
  comparison,
  incomplete,
  formatDate,
  formatNumber,
  height = 280,
  ariaLabel,
  hasLegend = true,
  variant = "area",
}: TrendChartProps<Key>) {
  const incompleteFrom = incomplete ? incomplete.from : points.length;
  const rows: Row[] = points.map((point, index) => {
    const row: Row = { ...point, index };
    for (const line of series) {
      if (index < incompleteFrom) row[wholeKey(line.key)] = point[line.key];
      if (index >= incompleteFrom - 1 && incomplete) row[incompleteKey(line.key)] = point[line.key];
    }
    const previous = comparison?.points[index];
    if (previous) {
      row.previousDate = previous.date;
      for (const line of series) row[previousKey(line.key)] = previous[line.key];
    }
    return row;
  });
  return (
    <div className={styles.chart} data-testid="trend-chart">
      {hasLegend ? (
        <ul className={styles.legend}>
          {series.map((line) => (
            <li key={line.key}>
              <span className={styles.swatch} style={{ background: line.color }} aria-hidden />
              {line.label}
            </li>
          ))}
          {comparison ? (
            <li>
              <span className={styles.dash} aria-hidden />
              {comparison.label}
            </li>
          ) : null}
        </ul>
      ) : null}
      <div style={{ height }} role="img" aria-label={ariaLabel}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <defs>
              {series.map((line) => (
                <linearGradient key={line.key} id={`trend-fill-${line.key}`} x1="0" y1="0" x2="0" y2="1">
                  <stop offset="0%" stopColor={line.color} stopOpacity={0.2} />
                  <stop offset="100%" stopColor={line.color} stopOpacity={0.02} />
                </linearGradient>
              ))}
            </defs>
            <CartesianGrid vertical={false} stroke="var(--color-border)" />
            <XAxis
              dataKey="date"
              tickFormatter={(date: string) => formatDate(date, "axis")}
              tick={{ fill: "var(--color-text-muted)", fontSize: 12 }}
              tickLine={false}
              axisLine={{ stroke: "var(--color-border-strong)" }}
              minTickGap={28}
              tickMargin={8}
            />
            <YAxis
              allowDecimals={false}
              tickFormatter={(value: number) => formatNumber(value)}
              tick={{ fill: "var(--color-text-muted)", fontSize: 12 }}
              tickLine={false}
              axisLine={false}
              width={48}
            />
            <Tooltip
              cursor={{ stroke: "var(--color-border-strong)", strokeDasharray: "3 3" }}
              content={(props: TooltipContentProps) => (
                <TrendTooltip
                  row={props.active ? (props.payload?.[0]?.payload as Row | undefined) : undefined}
                  series={series}
                  comparison={comparison}
                  incomplete={incomplete ?? null}
                  formatDate={formatDate}
                  formatNumber={formatNumber}
                />
              )}
            />
            {comparison
              ? series.map((line) => (
                  <Line
                    key={previousKey(line.key)}
                    type="monotone"
                    dataKey={previousKey(line.key)}
                    name={`${line.label} · ${comparison.label}`}
                    stroke={line.color}
                    strokeOpacity={0.55}
                    strokeWidth={1.5}
                    strokeDasharray="5 4"
                    dot={false}
                    activeDot={false}
                    isAnimationActive={false}
                  />
                ))
              : null}
            {series.map((line) =>
              variant === "line" ? (
                <Line
                  key={line.key}
                  type="monotone"
                  dataKey={wholeKey(line.key)}
                  name={line.label}
                  stroke={line.color}
                  strokeWidth={2}
                  dot={points.length === 1 && !incomplete ? { r: 3 } : false}
                  activeDot={{ r: 4, strokeWidth: 2, stroke: "#fff" }}
                  isAnimationActive={false}
                />
              ) : (
                <Area
                  key={line.key}
                  type="monotone"
                  dataKey={wholeKey(line.key)}
                  name={line.label}
                  stroke={line.color}
                  strokeWidth={2}
                  fill={`url(#trend-fill-${line.key})`}
                  activeDot={{ r: 4, strokeWidth: 2, stroke: "#fff" }}
                  dot={points.length === 1 && !incomplete ? { r: 3 } : false}
                  isAnimationActive={false}
                />
              ),
            )}
            {incomplete
              ? series.map((line) => (
                  <Line
                    key={incompleteKey(line.key)}
                    type="monotone"
                    dataKey={incompleteKey(line.key)}
                    name={`${line.label} · ${incomplete.label}`}
                    stroke={line.color}
                    strokeWidth={2}
                    strokeDasharray="1 5"
                    strokeLinecap="round"
                    // A hollow dot on the last bucket: its number is not final.
                    dot={(props: { cx?: number; cy?: number; index?: number }) =>
                      props.index === points.length - 1 && props.cx !== undefined && props.cy !== undefined ? (
                        <circle
                          key={`end-${line.key}`}
                          cx={props.cx}
                          cy={props.cy}
                          r={3.5}
                          fill="var(--color-surface)"
                          stroke={line.color}
                          strokeWidth={2}
                        />
                      ) : (
                        <g key={`none-${line.key}-${props.index}`} />
                      )
                    }
                    activeDot={{ r: 4, strokeWidth: 2, stroke: "#fff" }}
                    isAnimationActive={false}
                  />
                ))
              : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      {incomplete ? (
        <p className={styles.incompleteNote} data-testid="trend-incomplete-note">
          <span className={styles.dots} aria-hidden />
          {incomplete.note}
        </p>
      ) : null}
    </div>
  );
}

interface TrendTooltipProps<Key extends string> {
  row: Row | undefined;
  series: TrendSeries<Key>[];
  comparison: TrendComparison<Key> | undefined;
  incomplete: TrendIncomplete | null;
  formatDate: TrendChartProps<Key>["formatDate"];
  formatNumber: (value: number) => string;
}

function TrendTooltip<Key extends string>({
  row,
  series,
  comparison,
  incomplete,
  formatDate,
  formatNumber,
}: TrendTooltipProps<Key>) {
  if (!row) return null;
  const previousDate = typeof row.previousDate === "string" ? row.previousDate : null;
  const isIncomplete = incomplete !== null && Number(row.index) >= incomplete.from;
  return (
    <div className={styles.tooltip}>
      <p className={styles.tooltipDate}>{formatDate(String(row.date), "tooltip")}</p>
      {isIncomplete ? <p className={styles.tooltipIncomplete}>{incomplete.label}</p> : null}
      {comparison && previousDate ? (
        <p className={styles.tooltipPrevious}>{`${comparison.label}: ${formatDate(previousDate, "tooltip")}`}</p>
      ) : null}
      <table className={styles.tooltipTable}>
        <tbody>
          {series.map((line) => (
            <tr key={line.key}>
              <td>
                <span className={styles.swatch} style={{ background: line.color }} aria-hidden />
              </td>
              <td className={styles.tooltipLabel}>{line.label}</td>
              <td className="tabular">{formatNumber(Number(row[line.key] ?? 0))}</td>
              {comparison && previousDate ? (
                <td className={`tabular ${styles.tooltipPreviousValue}`}>
                  {formatNumber(Number(row[previousKey(line.key)] ?? 0))}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
