"use client";
// Channels with their counts — over the list's range when it has one (with the 30-day retention),
// all-time otherwise. Used in full on the channel list (sortable columns, selection, row actions)
// and shortened to the top few on the overview.
import { ScrollRegion } from "@/components/ui/scroll-region";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { useFormatters } from "@/components/ui/use-formatters";
import { useHrefWithAccount } from "@/components/layout/use-selected-account";
import { ExpiryCountdown } from "@/components/channels/expiry-countdown";
import type { Channel, ChannelSortField } from "@/lib/schemas/channels";
import styles from "@/components/channels/channels.module.css";

const statusTone: Record<Channel["status"], BadgeTone> = { active: "green", expired: "amber", archived: "neutral" };

const countColumns = [
  { field: "scans", metric: "scans" },
  { field: "uniqueScanners", metric: "uniqueScanners" },
  { field: "newFollows", metric: "newFollows" },
  { field: "unfollows", metric: "unfollows" },
  { field: "netFollows", metric: "netFollows" },
] as const;

export interface TableSort {
  field: ChannelSortField;
  order: "asc" | "desc";
  onSort: (field: ChannelSortField) => void;
}

export interface TableSelection {
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (ids: string[], isSelected: boolean) => void;
}

interface ChannelTableProps {
  channels: Channel[];
  timeZone: string;
  /** The compact form leaves out the QR details (overview). */
  isCompact?: boolean;
  sort?: TableSort;
  selection?: TableSelection;
  rowActions?: (channel: Channel) => ReactNode;
}

function SortHeader({
  field,
  label,
  sort,
  isNumeric,
}: {
  field: ChannelSortField;
  label: string;
  sort?: TableSort;
  isNumeric?: boolean;
}) {
  const className = isNumeric ? styles.numeric : undefined;
  if (!sort) {
    return (
      <th scope="col" className={className}>
        {label}
      </th>
    );
  }
  const isActive = sort.field === field;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={isActive ? (sort.order === "asc" ? "ascending" : "descending") : undefined}
    >
      <button
        type="button"
        className={styles.sortButton}
        onClick={() => sort.onSort(field)}
        data-testid={`sort-${field}`}
      >
        {label}
        <span aria-hidden className={isActive ? styles.sortArrowActive : styles.sortArrow}>
          {isActive && sort.order === "asc" ? "↑" : "↓"}
        </span>
      </button>
    </th>
  );
}

export function ChannelTable({
  channels,
  timeZone,
  isCompact = false,
  sort,
  selection,
  rowActions,
}: ChannelTableProps) {
  const t = useTranslations("channels");
  const tMetrics = useTranslations("metrics");
  const formatters = useFormatters(timeZone);
  const hrefWithAccount = useHrefWithAccount();
  const pageIds = channels.map((channel) => channel.id);
  // The list asked for a range: its counts, and retention, which needs one.
  const hasRange = channels.some((channel) => channel.inRange);
  const isAllSelected =
    selection !== undefined && pageIds.length > 0 && pageIds.every((id) => selection.selected.has(id));

  return (
    <ScrollRegion label={t("listTitle")} className={styles.tableWrap}>
      <table className={styles.table}>
        <thead>
          <tr>
            {selection ? (
              <th scope="col" className={styles.checkCell}>
                <input
                  type="checkbox"
                  aria-label={t("list.selectPage")}
                  checked={isAllSelected}
                  onChange={() => selection.onToggleAll(pageIds, !isAllSelected)}
                  data-testid="select-page"
                />
              </th>
            ) : null}
            <SortHeader field="name" label={t("table.channel")} sort={sort} />
            {countColumns.map((column) => (
              <SortHeader
                key={column.field}
                field={column.field}
                label={tMetrics(`${column.metric}.label`)}
                sort={sort}
                isNumeric
              />
            ))}
            {hasRange ? <SortHeader field="retentionD30" label={t("table.retention30")} sort={sort} isNumeric /> : null}
            {rowActions ? (
              <th scope="col">
                <span className="visually-hidden">{t("table.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <tr key={channel.id} data-testid={isCompact ? undefined : "channel-list-row"} data-channel-id={channel.id}>
              {selection ? (
                <td className={styles.checkCell}>
                  <input
                    type="checkbox"
                    aria-label={t("list.select", { name: channel.name })}
                    checked={selection.selected.has(channel.id)}
                    onChange={() => selection.onToggle(channel.id)}
                    data-testid="select-channel"
                  />
                </td>
              ) : null}
              <td>
                <div className={styles.nameCell}>
                  <Link
                    href={hrefWithAccount(`/channels/${channel.id}`)}
                    className={styles.channelLink}
                    data-testid={isCompact ? undefined : "channel-row"}
                  >
                    {channel.name}
                  </Link>
                  <span className={styles.nameMeta}>
                    {channel.group ? <span>{channel.group}</span> : null}
                    {channel.status !== "active" ? (
                      <Badge tone={statusTone[channel.status]}>
                        <span data-testid="channel-status">{t(`status.${channel.status}`)}</span>
                      </Badge>
                    ) : null}
                    {isCompact
                      ? null
                      : channel.tags.map((tag) => (
                          <span key={tag} className={styles.tag}>
                            #{tag}
                          </span>
                        ))}
                  </span>
                  {isCompact ? null : (
                    <span className={styles.codeLine}>
                      <Badge tone={channel.qr.kind === "permanent" ? "blue" : "amber"}>
                        {t(`kind.${channel.qr.kind}`)}
                      </Badge>
                      <span className="mono faint" data-testid="channel-scene" title={t("table.scene")}>
                        {channel.scene}
                      </span>
                      {channel.qr.kind === "temporary" && channel.qr.expiresAt && channel.status !== "archived" ? (
                        <ExpiryCountdown expiresAt={channel.qr.expiresAt} />
                      ) : null}
                    </span>
                  )}
                </div>
              </td>
              {countColumns.map((column) => {
                const counts = channel.inRange ?? channel.counts;
                return (
                  <td
                    key={column.field}
                    className={[
                      styles.numeric,
                      column.field === "scans" ? styles.strong : "",
                      column.field === "netFollows" && counts.netFollows < 0 ? styles.negative : "",
                    ].join(" ")}
                  >
                    {formatters.count(counts[column.field])}
                  </td>
                );
              })}
              {hasRange ? <RetentionCell rate={channel.inRange?.retention.d30 ?? null} /> : null}
              {rowActions ? <td className={styles.actionsCell}>{rowActions(channel)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** A share of the range's follows still following 30 days on; a dash while none is that old. */
function RetentionCell({ rate }: { rate: number | null }) {
  return (
    <td className={`${styles.numeric} ${rate === null ? "faint" : ""}`}>
      {rate === null ? "—" : `${Math.round(rate * 100)}%`}
    </td>
  );
}
