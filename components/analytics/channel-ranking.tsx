"use client";
// Channels of the range, busiest first, with exact unique scanners and retention: the overview's
// top channels and the compare page's table.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { InfoTip } from "@/components/ui/info-tip";
import { useFormatters } from "@/components/ui/use-formatters";
import type { ChannelStatsRow } from "@/lib/schemas/stats";
import styles from "@/components/analytics/analytics.module.css";

const countColumns = ["scans", "uniqueScanners", "newFollows", "unfollows", "netFollows"] as const;

interface ChannelRankingProps {
  rows: ChannelStatsRow[];
  timeZone: string;
  hrefFor: (channelId: string) => string;
  /** Which retention day to show (d1, d7 or d30). */
  retentionDay?: "d1" | "d7" | "d30";
}

export function ChannelRanking({ rows, timeZone, hrefFor, retentionDay = "d7" }: ChannelRankingProps) {
  const t = useTranslations("analytics.channels");
  const tMetrics = useTranslations("metrics");
  const formatters = useFormatters(timeZone);
  const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);
  return (
    <div style={{ overflowX: "auto" }}>
      <table className={styles.table} data-testid="channel-ranking">
        <thead>
          <tr>
            <th>{t("channel")}</th>
            {countColumns.map((column) => (
              <th key={column}>{tMetrics(`${column}.label`)}</th>
            ))}
            <th>
              <span style={{ display: "inline-flex", alignItems: "center", gap: 4 }}>
                {t("retention", { days: retentionDay.slice(1) })}
                <InfoTip
                  label={tMetrics("whatIs", { metric: tMetrics("retention.label") })}
                  text={tMetrics("retention.definition")}
                />
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.channelId}>
              <td>
                <span className={styles.channelCell}>
                  <Link href={hrefFor(row.channelId)}>{row.name}</Link>
                  {row.group || row.isArchived ? (
                    <span className={styles.channelGroup}>
                      {[row.group, row.isArchived ? t("archived") : null].filter(Boolean).join(" · ")}
                    </span>
                  ) : null}
                </span>
              </td>
              {countColumns.map((column) => (
                <td key={column} className="tabular" style={column === "scans" ? { fontWeight: 600 } : undefined}>
                  {column === "netFollows" ? formatters.signedCount(row[column]) : formatters.count(row[column])}
                </td>
              ))}
              <td className={`tabular ${row.retention[retentionDay] === null ? styles.rateMissing : styles.rate}`}>
                {percent(row.retention[retentionDay])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
