"use client";
// Search and filters above the channel list: status, kind, group and tag (the groups and tags
// offered are the ones in use, with counts).
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useChannelFacets } from "@/lib/client/channels";
import { channelStatuses, qrKinds } from "@/lib/schemas/channels";
import type { ChannelListParams } from "@/components/channels/use-channel-list-params";
import styles from "@/components/channels/channels.module.css";

export function ChannelFilters({
  accountId,
  params,
  onChange,
}: {
  accountId: string;
  params: ChannelListParams;
  onChange: (changes: Partial<ChannelListParams>) => void;
}) {
  const t = useTranslations("channels");
  const facets = useChannelFacets(accountId);
  const [search, setSearch] = useState(params.q);

  // Typing updates the URL after a pause, not per keystroke.
  useEffect(() => {
    if (search.trim() === params.q) return;
    const timer = setTimeout(() => onChange({ q: search.trim() }), 250);
    return () => clearTimeout(timer);
  }, [search, params.q, onChange]);

  const groups = facets.data?.groups ?? [];
  const tags = facets.data?.tags ?? [];
  return (
    <div className={styles.filters}>
      <input
        type="search"
        className={styles.search}
        placeholder={t("searchPlaceholder")}
        aria-label={t("searchPlaceholder")}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        data-testid="channel-search"
      />
      <select
        className={styles.filterSelect}
        aria-label={t("filters.status")}
        value={params.status}
        onChange={(event) => onChange({ status: event.target.value as ChannelListParams["status"] })}
        data-testid="filter-status"
      >
        <option value="all">{t("filters.allStatuses")}</option>
        {channelStatuses.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </select>
      <select
        className={styles.filterSelect}
        aria-label={t("filters.kind")}
        value={params.kind}
        onChange={(event) => onChange({ kind: event.target.value as ChannelListParams["kind"] })}
        data-testid="filter-kind"
      >
        <option value="">{t("filters.allKinds")}</option>
        {qrKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`kind.${kind}`)}
          </option>
        ))}
      </select>
      <select
        className={styles.filterSelect}
        aria-label={t("filters.group")}
        value={params.group}
        onChange={(event) => onChange({ group: event.target.value })}
        data-testid="filter-group"
      >
        <option value="">{t("filters.allGroups")}</option>
        {groups.map((group) => (
          <option key={group.name} value={group.name}>
            {group.name} ({group.count})
          </option>
        ))}
      </select>
      <select
        className={styles.filterSelect}
        aria-label={t("filters.tag")}
        value={params.tag}
        onChange={(event) => onChange({ tag: event.target.value })}
        data-testid="filter-tag"
      >
        <option value="">{t("filters.allTags")}</option>
        {tags.map((tag) => (
          <option key={tag.name} value={tag.name}>
            #{tag.name} ({tag.count})
          </option>
        ))}
      </select>
    </div>
  );
}
