"use client";
// The retention curve: for each day after the follow (0 to 30), the share of the range's follows
// still following. Takes shaped points, never fetches. Late days rest on the few follows old
// enough to have reached them, so the curve can climb back to 100 % on a handful: those points are
// drawn faded and dashed, and the tooltip always says how many follows each point rests on.
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

/** Below this many follows (a fifth of day 0's cohort, at least 20) a point means little. */
export function thinCohortLimit(dayZeroCohort: number): number {
  return Math.max(20, Math.ceil(dayZeroCohort * 0.2));
}

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
  /** Under the chart when some points are faded: "Faded: fewer than … follows are that old". */
  thinNote?: string;
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
  thinNote,
  color = "var(--color-series-follows)",
  height = 240,
}: RetentionChartProps) {
  const dayZeroCohort = points[0]?.eligible ?? 0;
  const isThin = points.map((point) => point.eligible < thinCohortLimit(dayZeroCohort));
  const rows = points.map((point, index) => {
    const percent = point.rate === null ? null : point.rate * 100;
    // The boundary point belongs to both lines, so the faded part continues the solid one.
    const isBoundary = !isThin[index] && isThin[index + 1] === true;
    return {
      ...point,
      percent: isThin[index] ? null : percent,
      thinPercent: isThin[index] || isBoundary ? percent : null,
    };
  });
  const hasThinPoints = isThin.some(Boolean);
  return (
    <>
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
            <Line
              type="monotone"
              dataKey="thinPercent"
              stroke={color}
              strokeOpacity={0.35}
              strokeWidth={2}
              strokeDasharray="4 4"
              dot={false}
              activeDot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      {hasThinPoints && thinNote ? (
        <p className="muted" style={{ fontSize: 12, margin: "var(--space-2) 0 0" }} data-testid="retention-thin-note">
          {thinNote}
        </p>
      ) : null}
    </>
  );
}
