"use client";
// The channel list (with a search kept in the URL) next to the "New channel" form.
import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { SkeletonRows } from "@/components/ui/spinner";
import { PageHeader } from "@/components/layout/page-header";
import { useSelectedAccount } from "@/components/layout/use-selected-account";
import { AccountGate } from "@/components/layout/account-gate";
import { ChannelCreateForm } from "@/components/channels/channel-create-form";
import { ChannelTable } from "@/components/channels/channel-table";
import { useChannelList } from "@/lib/client/channels";
import type { Account } from "@/lib/schemas/accounts";
import styles from "@/components/channels/channels.module.css";

export function ChannelsView() {
  const t = useTranslations("channels");
  const selection = useSelectedAccount();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AccountGate selection={selection}>{(account) => <ChannelsForAccount account={account} />}</AccountGate>
    </>
  );
}

function ChannelsForAccount({ account }: { account: Account }) {
  const t = useTranslations("channels");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = searchParams.get("q") ?? "";
  const [search, setSearch] = useState(query);
  const channels = useChannelList({ accountId: account.id, q: query || undefined, limit: 500 });

  // The URL holds the search (shareable); typing updates it after a pause, not per keystroke.
  useEffect(() => {
    if (search.trim() === query) return;
    const timer = setTimeout(() => {
      const params = new URLSearchParams(searchParams);
      if (search.trim()) params.set("q", search.trim());
      else params.delete("q");
      router.replace(`${pathname}?${params.toString()}`, { scroll: false });
    }, 250);
    return () => clearTimeout(timer);
  }, [search, query, searchParams, pathname, router]);

  const items = channels.data?.items ?? [];
  return (
    <div className={styles.listLayout}>
      <Card>
        <CardHeader
          title={t("listTitle")}
          description={channels.data ? t("count", { count: items.length }) : undefined}
          actions={
            <input
              type="search"
              className={styles.search}
              placeholder={t("searchPlaceholder")}
              aria-label={t("searchPlaceholder")}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          }
        />
        <CardBody>
          {channels.isPending ? (
            <SkeletonRows />
          ) : channels.isError ? (
            <ErrorState error={channels.error} onRetry={() => channels.refetch()} />
          ) : items.length === 0 && query ? (
            <EmptyState icon="⌕" title={t("noMatches", { query })} />
          ) : items.length === 0 ? (
            <EmptyState title={t("empty.title")}>{t("empty.text")}</EmptyState>
          ) : (
            <ChannelTable channels={items} timeZone={account.timezone} />
          )}
        </CardBody>
      </Card>
      <ChannelCreateForm accountId={account.id} />
    </div>
  );
}
