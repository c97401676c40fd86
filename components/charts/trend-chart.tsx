"use client";
// A daily trend of a few series. It takes shaped, typed points and formatters and never fetches,
// so the same chart serves the overview, a channel, or a comparison.
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import styles from "@/components/charts/trend-chart.module.css";

export interface TrendSeries<Key extends string> {
  key: Key;
  label: string;
  /** Any CSS colour, custom properties included. */
  color: string;
}

export type TrendPoint<Key extends string> = { date: string } & Record<Key, number>;

interface TrendChartProps<Key extends string> {
  points: TrendPoint<Key>[];
  series: TrendSeries<Key>[];
  /** "axis": short (Jan 5 / 1月5日); "tooltip": with weekday and year. */
  formatDate: (date: string, style: "axis" | "tooltip") => string;
  formatNumber: (value: number) => string;
  height?: number;
  /** Announced to screen readers in place of the drawing. */
  ariaLabel: string;
}

export function TrendChart<Key extends string>({ points, series, formatDate, formatNumber, height = 280, ariaLabel }: TrendChartProps<Key>) {
  const pointByDate = new Map(points.map((point) => [point.date, point]));
  return (
    <div className={styles.chart} data-testid="trend-chart">
      <ul className={styles.legend}>
        {series.map((line) => (
          <li key={line.key}>
            <span className={styles.swatch} style={{ background: line.color }} aria-hidden />
            {line.label}
          </li>
        ))}
      </ul>
      <div style={{ height }} role="img" aria-label={ariaLabel}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <defs>
              {series.map((line) => (
                <linearGradient key={line.key} id={`trend-fill-${line.key}`} x1="0" y1="0" x2="0" y2="1">
                  <stop offset="0%" stopColor={line.color} stopOpacity={0.22} />
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
              minTickGap={24}
              tickMargin={8}
            />
            <YAxis
              allowDecimals={false}
              tickFormatter={(value: number) => formatNumber(value)}
              tick={{ fill: "var(--color-text-muted)", fontSize: 12 }}
              tickLine={false}
              axisLine={false}
              width={44}
            />
            <Tooltip
              cursor={{ stroke: "var(--color-border-strong)", strokeDasharray: "3 3" }}
              content={(props: TooltipContentProps) => (
                <TrendTooltip point={pointByDate.get(String(props.label))} isActive={props.active} series={series} formatDate={formatDate} formatNumber={formatNumber} />
              )}
            />
            {series.map((line) => (
              <Area
                key={line.key}
                type="monotone"
                dataKey={line.key}
                name={line.label}
                stroke={line.color}
                strokeWidth={2}
                fill={`url(#trend-fill-${line.key})`}
                activeDot={{ r: 4, strokeWidth: 2, stroke: "#fff" }}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

interface TrendTooltipProps<Key extends string> {
  point: TrendPoint<Key> | undefined;
  isActive: boolean;
  series: TrendSeries<Key>[];
  formatDate: TrendChartProps<Key>["formatDate"];
  formatNumber: (value: number) => string;
}

function TrendTooltip<Key extends string>({ point, isActive, series, formatDate, formatNumber }: TrendTooltipProps<Key>) {
  if (!isActive || !point) return null;
  return (
    <div className={styles.tooltip}>
      <p className={styles.tooltipDate}>{formatDate(point.date, "tooltip")}</p>
      {series.map((line) => (
        <p key={line.key} className={styles.tooltipRow}>
          <span className={styles.swatch} style={{ background: line.color }} aria-hidden />
          <span className={styles.tooltipLabel}>{line.label}</span>
          <span className="tabular">{formatNumber(point[line.key])}</span>
        </p>
      ))}
    </div>
  );
}
