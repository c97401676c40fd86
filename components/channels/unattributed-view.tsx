"use client";
// Scenes seen in pushes that no channel owns — codes made elsewhere, or before Qudao. One click
// creates the channel that claims the scene, and with it every past event that carried it.
import { ScrollRegion } from "@/components/ui/scroll-region";
import { useMay } from "@/components/auth/viewer-context";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState, InlineError } from "@/components/ui/error-state";
import { SkeletonRows } from "@/components/ui/spinner";
import { useFormatters } from "@/components/ui/use-formatters";
import { PageHeader } from "@/components/layout/page-header";
import { AccountGate } from "@/components/layout/account-gate";
import { useHrefWithAccount, useSelectedAccount } from "@/components/layout/use-selected-account";
import { useCreateChannel, useUnattributedScenes } from "@/lib/client/channels";
import { ChannelCreatedNotice } from "@/components/channels/channel-created-notice";
import { maxTemporaryExpirySeconds, type Channel, type QrKind, type UnattributedScene } from "@/lib/schemas/channels";
import type { Account } from "@/lib/schemas/accounts";
import styles from "@/components/channels/channels.module.css";

export function UnattributedView() {
  const t = useTranslations("channels.unattributed");
  const selection = useSelectedAccount();
  const hrefWithAccount = useHrefWithAccount();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        eyebrow={
          <Link href={hrefWithAccount("/channels")} className={styles.back}>
            ← {t("back")}
          </Link>
        }
      />
      <AccountGate selection={selection}>{(account) => <UnattributedList account={account} />}</AccountGate>
    </>
  );
}

function UnattributedList({ account }: { account: Account }) {
  const t = useTranslations("channels.unattributed");
  const tMetrics = useTranslations("metrics");
  const scenes = useUnattributedScenes(account.id);
  const items = scenes.data?.items ?? [];
  // The claimed scene leaves the list; this says where it went.
  const [claimed, setClaimed] = useState<{ channel: Channel; scene: UnattributedScene } | null>(null);
  return (
    <Card>
      <CardHeader title={t("listTitle")} description={scenes.data ? t("count", { count: items.length }) : undefined} />
      <CardBody>
        {claimed ? (
          <ChannelCreatedNotice
            channel={claimed.channel}
            onDismiss={() => setClaimed(null)}
            text={t("claimed", { scene: claimed.scene.scene, scans: claimed.scene.scans })}
          />
        ) : null}
        {scenes.isPending ? (
          <SkeletonRows />
        ) : scenes.isError ? (
          <ErrorState error={scenes.error} onRetry={() => scenes.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={t("empty.title")}>{t("empty.text")}</EmptyState>
        ) : (
          <ScrollRegion label={t("title")} className={styles.tableWrap}>
            <table className={styles.table}>
              <thead>
                <tr>
                  <th scope="col">{t("scene")}</th>
                  <th scope="col" className={styles.numeric}>
                    {tMetrics("scans.label")}
                  </th>
                  <th scope="col" className={styles.numeric}>
                    {tMetrics("newFollows.label")}
                  </th>
                  <th scope="col">{t("firstSeen")}</th>
                  <th scope="col">{t("lastSeen")}</th>
                  <th scope="col">{t("claim")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((scene) => (
                  <UnattributedRow
                    key={scene.scene}
                    accountId={account.id}
                    timeZone={account.timezone}
                    scene={scene}
                    onClaimed={(channel) => setClaimed({ channel, scene })}
                  />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </CardBody>
    </Card>
  );
}

function UnattributedRow({
  accountId,
  timeZone,
  scene,
  onClaimed,
}: {
  accountId: string;
  timeZone: string;
  scene: UnattributedScene;
  onClaimed: (channel: Channel) => void;
}) {
  const t = useTranslations("channels.unattributed");
  const tKind = useTranslations("channels.kind");
  const formatters = useFormatters(timeZone);
  const create = useCreateChannel();
  const mayEdit = useMay("editor", accountId);
  const [name, setName] = useState(t("defaultName", { scene: scene.scene }));
  const [kind, setKind] = useState<QrKind>(scene.claimableAs[0] ?? "permanent");

  function claim() {
    create.mutate(
      {
        accountId,
        name: name.trim() || t("defaultName", { scene: scene.scene }),
        qr: {
          kind,
          scene: scene.sceneType === "int" ? Number(scene.scene) : scene.scene,
          ...(kind === "temporary" ? { expiresInSeconds: maxTemporaryExpirySeconds } : {}),
        },
      },
      { onSuccess: onClaimed },
    );
  }

  return (
    <tr data-testid="unattributed-row" data-scene={scene.scene}>
      <td>
        <span className="mono">{scene.scene}</span>
      </td>
      <td className={`${styles.numeric} ${styles.strong}`}>{formatters.count(scene.scans)}</td>
      <td className={styles.numeric}>{formatters.count(scene.follows)}</td>
      <td>{scene.firstSeenDay ? formatters.calendarDate(scene.firstSeenDay, "range") : "—"}</td>
      <td>{scene.lastSeenAt ? formatters.instant(scene.lastSeenAt) : "—"}</td>
      <td>
        {!mayEdit ? null : scene.claimableAs.length === 0 ? (
          <span className="muted">{t("notClaimable")}</span>
        ) : (
          <div className={styles.claim}>
            <input
              className={styles.search}
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-label={t("name")}
              maxLength={100}
              data-testid="claim-name"
            />
            <select
              className={styles.filterSelect}
              value={kind}
              onChange={(event) => setKind(event.target.value as QrKind)}
              aria-label={t("kind")}
            >
              {scene.claimableAs.map((option) => (
                <option key={option} value={option}>
                  {tKind(option)}
                </option>
              ))}
            </select>
            <Button
              size="small"
              variant="primary"
              isLoading={create.isPending}
              onClick={claim}
              data-testid="claim-scene"
            >
              {t("create")}
            </Button>
            {create.isError ? <InlineError error={create.error} /> : null}
          </div>
        )}
      </td>
    </tr>
  );
}
