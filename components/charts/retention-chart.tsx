"use client";
// The retention curve: for each day after the follow (0 to 30), the share of the range's follows
// still following. Takes shaped points, never fetches.
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import styles from "@/components/charts/trend-chart.module.css";

export interface RetentionPoint {
  day: number;
  eligible: number;
  retained: number;
  rate: number | null;
}

interface RetentionChartProps {
  points: RetentionPoint[];
  formatPercent: (rate: number) => string;
  formatCount: (value: number) => string;
  /** "Day 7" in the reader's language. */
  dayLabel: (day: number) => string;
  /** "12 of 40 follows still following". */
  detailLabel: (retained: string, eligible: string) => string;
  ariaLabel: string;
  color?: string;
  height?: number;
}

export function RetentionChart({
  points,
  formatPercent,
  formatCount,
  dayLabel,
  detailLabel,
  ariaLabel,
  color = "var(--color-series-follows)",
  height = 240,
}: RetentionChartProps) {
  const rows = points.map((point) => ({ ...point, percent: point.rate === null ? null : point.rate * 100 }));
  return (
    <div style={{ height }} role="img" aria-label={ariaLabel} data-testid="retention-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--color-border)" />
          <XAxis
            dataKey="day"
            tickFormatter={(day: number) => String(day)}
            ticks={[0, 1, 7, 14, 21, 30]}
            tick={{ fill: "var(--color-text-muted)", fontSize: 12 }}
            tickLine={false}
            axisLine={{ stroke: "var(--color-border-strong)" }}
            tickMargin={8}
          />
          <YAxis
            domain={[0, 100]}
            tickFormatter={(value: number) => formatPercent(value / 100)}
            tick={{ fill: "var(--color-text-muted)", fontSize: 12 }}
            tickLine={false}
            axisLine={false}
            width={48}
          />
          <Tooltip
            cursor={{ stroke: "var(--color-border-strong)", strokeDasharray: "3 3" }}
            content={(props: TooltipContentProps) => {
              const point = props.active ? (props.payload?.[0]?.payload as RetentionPoint | undefined) : undefined;
              if (!point) return null;
              return (
                <div className={styles.tooltip}>
                  <p className={styles.tooltipDate}>{dayLabel(point.day)}</p>
                  <p>{point.rate === null ? "—" : formatPercent(point.rate)}</p>
                  <p className={styles.tooltipPrevious}>
                    {detailLabel(formatCount(point.retained), formatCount(point.eligible))}
                  </p>
                </div>
              );
            }}
          />
          <Line
            type="monotone"
            dataKey="percent"
            stroke={color}
            strokeWidth={2}
            dot={{ r: 2 }}
            activeDot={{ r: 4 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
