"use client";
// What can be done to one channel from the list: open its QR studio, edit it, renew a temporary
// code, archive it or bring it back. Folded into a menu so the counts keep the row's width.
import { useTranslations } from "next-intl";
import { useRef } from "react";
import Link from "next/link";
import { useMay } from "@/components/auth/viewer-context";
import { useHrefWithAccount } from "@/components/layout/use-selected-account";
import { useArchiveChannel, useRenewChannel, useRestoreChannel } from "@/lib/client/channels";
import type { Channel } from "@/lib/schemas/channels";
import styles from "@/components/channels/channels.module.css";

export function ChannelRowActions({ channel, onEdit }: { channel: Channel; onEdit: (channel: Channel) => void }) {
  const t = useTranslations("channels.actions");
  const hrefWithAccount = useHrefWithAccount();
  const menu = useRef<HTMLDetailsElement>(null);
  const archive = useArchiveChannel();
  const restore = useRestoreChannel();
  const renew = useRenewChannel();
  const isArchived = channel.status === "archived";
  // Viewers keep the studio (to download a code); every change is for editors.
  const mayEdit = useMay("editor", channel.accountId);
  const close = () => menu.current?.removeAttribute("open");
  return (
    <details
      ref={menu}
      className={styles.menu}
      onBlur={(event) => !event.currentTarget.contains(event.relatedTarget) && close()}
    >
      <summary className={styles.menuButton} aria-label={t("more", { name: channel.name })} data-testid="row-actions">
        ⋯
      </summary>
      <div className={styles.menuList} role="menu">
        <Link
          role="menuitem"
          href={hrefWithAccount(`/channels/${channel.id}/studio`)}
          className={styles.menuItem}
          data-testid="open-studio"
        >
          {t("studio")}
        </Link>
        {mayEdit ? (
          <button
            type="button"
            role="menuitem"
            className={styles.menuItem}
            onClick={() => {
              close();
              onEdit(channel);
            }}
            data-testid="edit-channel"
          >
            {t("edit")}
          </button>
        ) : null}
        {mayEdit && channel.qr.kind === "temporary" && !isArchived ? (
          <button
            type="button"
            role="menuitem"
            className={styles.menuItem}
            title={t("renewHint")}
            onClick={() => {
              close();
              renew.mutate({ id: channel.id, input: {} });
            }}
            data-testid="renew-channel"
          >
            {t("renew")}
          </button>
        ) : null}
        {!mayEdit ? null : isArchived ? (
          <button
            type="button"
            role="menuitem"
            className={styles.menuItem}
            onClick={() => {
              close();
              restore.mutate(channel.id);
            }}
            data-testid="restore-channel"
          >
            {t("restore")}
          </button>
        ) : (
          <button
            type="button"
            role="menuitem"
            className={`${styles.menuItem} ${styles.menuDanger}`}
            onClick={() => {
              close();
              archive.mutate(channel.id);
            }}
            data-testid="archive-channel"
          >
            {t("archive")}
          </button>
        )}
      </div>
    </details>
  );
}
