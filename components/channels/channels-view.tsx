"use client";
// The channel list — the dashboard's date range, search, filters, sorting by any count or by
// retention, pages, selection for ZIPs and print sheets, row actions — and "New channel" in a
// dialog (opened at once by ?create=1, the overview's "New channel").
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";
import { useMay } from "@/components/auth/viewer-context";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { SkeletonRows } from "@/components/ui/spinner";
import { PageHeader } from "@/components/layout/page-header";
import { useHrefWithAccount, useSelectedAccount } from "@/components/layout/use-selected-account";
import { AccountGate } from "@/components/layout/account-gate";
import { ChannelCreateDialog } from "@/components/channels/channel-create-form";
import { RangeToolbar } from "@/components/analytics/range-toolbar";
import { useStatsParams } from "@/components/analytics/use-stats-params";
import { useRangeLabel } from "@/components/analytics/use-range-label";
import { ChannelTable } from "@/components/channels/channel-table";
import { ChannelFilters } from "@/components/channels/channel-filters";
import { ChannelRowActions } from "@/components/channels/channel-row-actions";
import { ChannelEditDialog } from "@/components/channels/channel-edit-dialog";
import { BulkActions } from "@/components/channels/bulk-actions";
import { Pagination } from "@/components/channels/pagination";
import { channelPageSize, useChannelListParams } from "@/components/channels/use-channel-list-params";
import { channelListFilterOf } from "@/lib/client/channel-list-params";
import { useChannelList } from "@/lib/client/channels";
import type { Account } from "@/lib/schemas/accounts";
import type { Channel, ChannelSortField } from "@/lib/schemas/channels";
import styles from "@/components/channels/channels.module.css";

export function ChannelsView() {
  const t = useTranslations("channels");
  const selection = useSelectedAccount();
  const hrefWithAccount = useHrefWithAccount();
  const mayEdit = useMay("editor", selection.account?.id ?? null);
  const searchParams = useSearchParams();
  const [isCreating, setIsCreating] = useState(() => searchParams.get("create") === "1");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <ButtonLink
              href={hrefWithAccount("/channels/unattributed")}
              variant="ghost"
              data-testid="open-unattributed"
            >
              {t("unattributed.link")}
            </ButtonLink>
            {mayEdit ? (
              <>
                <ButtonLink href={hrefWithAccount("/channels/import")} data-testid="open-import">
                  {t("import.link")}
                </ButtonLink>
                <Button variant="primary" onClick={() => setIsCreating(true)} data-testid="open-create-channel">
                  {t("form.title")}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <AccountGate selection={selection}>
        {(account) => (
          <>
            <ChannelsForAccount account={account} />
            {isCreating && mayEdit ? (
              <ChannelCreateDialog
                accountId={account.id}
                timeZone={account.timezone}
                onClose={() => setIsCreating(false)}
              />
            ) : null}
          </>
        )}
      </AccountGate>
    </>
  );
}

function ChannelsForAccount({ account }: { account: Account }) {
  const t = useTranslations("channels");
  const { params, update } = useChannelListParams();
  const { params: rangeParams, update: updateRange } = useStatsParams(account.timezone);
  const rangeLabel = useRangeLabel(rangeParams, account.timezone);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [editing, setEditing] = useState<Channel | null>(null);
  const channels = useChannelList(channelListFilterOf(account.id, params, rangeParams.range));

  const onSort = useCallback(
    (field: ChannelSortField) =>
      update({
        sort: field,
        order:
          params.sort === field && params.order === "desc"
            ? "asc"
            : field === "name" && params.sort !== field
              ? "asc"
              : "desc",
      }),
    [params.order, params.sort, update],
  );
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = (ids: string[], isSelected: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (isSelected) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const items = channels.data?.items ?? [];
  const total = channels.data?.total ?? 0;
  const isFiltered = Boolean(params.q || params.group || params.tag || params.kind || params.status !== "all");
  return (
    <div className={styles.listLayout}>
      <RangeToolbar
        params={rangeParams}
        onChange={(change) => updateRange(change, { reset: ["page"] })}
        hasInterval={false}
      />
      <Card>
        <CardHeader
          title={t("listTitle")}
          description={
            channels.data ? `${t("count", { count: total })} · ${t("countsFor", { range: rangeLabel })}` : undefined
          }
        />
        <CardBody>
          <ChannelFilters accountId={account.id} params={params} onChange={update} />
          <BulkActions
            accountId={account.id}
            selectedIds={[...selected]}
            group={params.group}
            onClear={() => setSelected(new Set())}
          />
          {channels.isPending ? (
            <SkeletonRows />
          ) : channels.isError ? (
            <ErrorState error={channels.error} onRetry={() => channels.refetch()} />
          ) : items.length === 0 && isFiltered ? (
            <EmptyState icon="⌕" title={params.q ? t("noMatches", { query: params.q }) : t("noFilterMatches")} />
          ) : items.length === 0 ? (
            <EmptyState title={t("empty.title")}>{t("empty.text")}</EmptyState>
          ) : (
            <>
              <ChannelTable
                channels={items}
                timeZone={account.timezone}
                sort={{ field: params.sort, order: params.order, onSort }}
                selection={{ selected, onToggle: toggle, onToggleAll: toggleAll }}
                rowActions={(channel) => <ChannelRowActions channel={channel} onEdit={setEditing} />}
              />
              <Pagination
                page={params.page}
                pageSize={channelPageSize}
                total={total}
                onPage={(page) => update({ page })}
              />
            </>
          )}
        </CardBody>
      </Card>
      {editing ? <ChannelEditDialog key={editing.id} channel={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
