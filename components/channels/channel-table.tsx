"use client";
// Channels with their all-time counts. Used in full on the channel list and shortened to the
// top few on the overview.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { useFormatters } from "@/components/ui/use-formatters";
import { useHrefWithAccount } from "@/components/layout/use-selected-account";
import type { Channel } from "@/lib/schemas/channels";
import styles from "@/components/channels/channels.module.css";

const statusTone: Record<Channel["status"], BadgeTone> = { active: "green", expired: "amber", archived: "neutral" };

interface ChannelTableProps {
  channels: Channel[];
  timeZone: string;
  /** The compact form leaves out the QR details (overview). */
  isCompact?: boolean;
}

export function ChannelTable({ channels, timeZone, isCompact = false }: ChannelTableProps) {
  const t = useTranslations("channels");
  const tMetrics = useTranslations("metrics");
  const formatters = useFormatters(timeZone);
  const hrefWithAccount = useHrefWithAccount();

  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t("table.channel")}</th>
            {isCompact ? null : <th scope="col">{t("table.code")}</th>}
            <th scope="col" className={styles.numeric}>
              {tMetrics("scans.label")}
            </th>
            <th scope="col" className={styles.numeric}>
              {tMetrics("uniqueScanners.label")}
            </th>
            <th scope="col" className={styles.numeric}>
              {tMetrics("newFollows.label")}
            </th>
            <th scope="col" className={styles.numeric}>
              {tMetrics("unfollows.label")}
            </th>
            <th scope="col" className={styles.numeric}>
              {tMetrics("netFollows.label")}
            </th>
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <tr key={channel.id}>
              <td>
                <div className={styles.nameCell}>
                  <Link href={hrefWithAccount(`/channels/${channel.id}`)} className={styles.channelLink} data-testid={isCompact ? undefined : "channel-row"}>
                    {channel.name}
                  </Link>
                  <span className={styles.nameMeta}>
                    {channel.group ? <span>{channel.group}</span> : null}
                    {channel.status !== "active" ? <Badge tone={statusTone[channel.status]}>{t(`status.${channel.status}`)}</Badge> : null}
                  </span>
                </div>
              </td>
              {isCompact ? null : (
                <td>
                  <div className={styles.codeCell}>
                    <Badge tone={channel.qr.kind === "permanent" ? "blue" : "amber"}>{t(`kind.${channel.qr.kind}`)}</Badge>
                    <span className="mono faint">{channel.scene}</span>
                  </div>
                </td>
              )}
              <td className={`${styles.numeric} ${styles.strong}`}>{formatters.count(channel.counts.scans)}</td>
              <td className={styles.numeric}>{formatters.count(channel.counts.uniqueScanners)}</td>
              <td className={styles.numeric}>{formatters.count(channel.counts.newFollows)}</td>
              <td className={styles.numeric}>{formatters.count(channel.counts.unfollows)}</td>
              <td className={`${styles.numeric} ${channel.counts.netFollows < 0 ? styles.negative : ""}`}>{formatters.count(channel.counts.netFollows)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
