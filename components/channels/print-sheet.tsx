"use client";
// A printable sheet of codes with their names under them: the selected channels (?ids=) or a
// whole group (?group=). On paper only the sheet prints; the dashboard around it does not.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { SegmentedControl } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/spinner";
import { AccountGate } from "@/components/layout/account-gate";
import { useHrefWithAccount, useSelectedAccount } from "@/components/layout/use-selected-account";
import { channelQrImageUrl, useChannelList } from "@/lib/client/channels";
import type { Account } from "@/lib/schemas/accounts";
import styles from "@/components/channels/print-sheet.module.css";

type Columns = "2" | "3" | "4";

export function PrintSheetView() {
  const selection = useSelectedAccount();
  return <AccountGate selection={selection}>{(account) => <PrintSheet account={account} />}</AccountGate>;
}

function PrintSheet({ account }: { account: Account }) {
  const t = useTranslations("channels.print");
  const searchParams = useSearchParams();
  const hrefWithAccount = useHrefWithAccount();
  const [columns, setColumns] = useState<Columns>("3");
  const ids = searchParams.get("ids") ?? undefined;
  const group = searchParams.get("group") ?? undefined;
  const channels = useChannelList({
    accountId: account.id,
    ids,
    group,
    status: ids ? "all" : "active",
    sort: "name",
    order: "asc",
    limit: 500,
  });
  // "Store 2" before "Store 10", as people number their stores.
  const collator = new Intl.Collator("zh-Hans-CN", { numeric: true });
  const items = (channels.data?.items ?? [])
    .filter((channel) => channel.qr.url)
    .sort((a, b) => collator.compare(a.name, b.name));

  return (
    <div className={styles.page}>
      <div className={styles.toolbar}>
        <Link href={hrefWithAccount("/channels")} className={styles.back}>
          ← {t("back")}
        </Link>
        <h1>{group ? t("titleGroup", { group }) : t("title")}</h1>
        <span className="muted">{t("count", { count: items.length })}</span>
        <SegmentedControl<Columns>
          label={t("columns")}
          value={columns}
          onChange={setColumns}
          options={[
            { value: "2", label: "2" },
            { value: "3", label: "3" },
            { value: "4", label: "4" },
          ]}
        />
        <Button variant="primary" onClick={() => window.print()} disabled={items.length === 0} data-testid="print-now">
          {t("print")}
        </Button>
      </div>
      {channels.isPending ? (
        <Card>
          <SkeletonRows rows={6} height={120} />
        </Card>
      ) : channels.isError ? (
        <Card>
          <ErrorState error={channels.error} onRetry={() => channels.refetch()} />
        </Card>
      ) : items.length === 0 ? (
        <Card>
          <EmptyState title={t("empty")} />
        </Card>
      ) : (
        <div
          className={styles.sheet}
          style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}
          data-testid="print-sheet"
        >
          {items.map((channel) => (
            <figure key={channel.id} className={styles.code}>
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img
                src={channelQrImageUrl(channel.id, { format: "svg", size: 512, caption: false })}
                alt={channel.name}
                loading="eager"
              />
              <figcaption>
                <strong>{channel.name}</strong>
                <span>
                  {channel.group ? `${channel.group} · ` : ""}
                  {channel.scene}
                </span>
              </figcaption>
            </figure>
          ))}
        </div>
      )}
    </div>
  );
}
