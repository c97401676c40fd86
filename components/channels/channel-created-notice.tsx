"use client";
// Shown after "Create channel": the new code at a glance and the way to its page, where it can
// be test-scanned. The form stays open below for the next placement.
import { useTranslations } from "next-intl";
import { ButtonLink } from "@/components/ui/button";
import { useHrefWithAccount } from "@/components/layout/use-selected-account";
import { channelQrImageUrl } from "@/lib/client/channels";
import type { Channel } from "@/lib/schemas/channels";
import styles from "@/components/channels/channels.module.css";

export function ChannelCreatedNotice({
  channel,
  onDismiss,
  text,
}: {
  channel: Channel;
  onDismiss: () => void;
  /** What to say under the title; by default, how to test-scan it. */
  text?: string;
}) {
  const t = useTranslations("channels.created");
  const hrefWithAccount = useHrefWithAccount();
  return (
    <div className={styles.createdNotice} role="status" data-testid="channel-created">
      {channel.qr.url ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={channelQrImageUrl(channel.id, { format: "svg", size: 256 })}
          alt={t("qrAlt", { name: channel.name })}
          width={72}
          height={72}
          className={styles.createdQr}
        />
      ) : null}
      <div className={styles.createdText}>
        <strong>{t("title", { name: channel.name })}</strong>
        <span className="muted">{text ?? t("text")}</span>
        <div className={styles.createdActions}>
          <ButtonLink href={hrefWithAccount(`/channels/${channel.id}`)} variant="primary" size="small">
            {t("open")}
          </ButtonLink>
          <ButtonLink href={hrefWithAccount(`/channels/${channel.id}/studio`)} size="small">
            {t("studio")}
          </ButtonLink>
          <button type="button" className={styles.dismiss} onClick={onDismiss}>
            {t("dismiss")}
          </button>
        </div>
      </div>
    </div>
  );
}
