"use client";
// The code itself, as print would show it, with what identifies it to WeChat.
import { useTranslations } from "next-intl";
import { Card, CardBody } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { useFormatters } from "@/components/ui/use-formatters";
import { channelQrImageUrl } from "@/lib/client/channels";
import { useHrefWithAccount } from "@/components/layout/use-selected-account";
import type { Channel } from "@/lib/schemas/channels";
import styles from "@/components/channels/channel-detail.module.css";

export function ChannelQrCard({ channel, timeZone }: { channel: Channel; timeZone: string }) {
  const t = useTranslations("channels.detail");
  const tKind = useTranslations("channels.kind");
  const formatters = useFormatters(timeZone);
  const hasImage = Boolean(channel.qr.url);
  const hrefWithAccount = useHrefWithAccount();

  return (
    <Card>
      <CardBody className={styles.qrCard}>
        <div className={styles.qrFrame}>
          {hasImage ? (
            // The route renders the SVG from the code's url; next/image would add nothing to an SVG.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={channelQrImageUrl(channel.id, { format: "svg", size: 512 })}
              alt={t("qrAlt", { name: channel.name })}
              width={220}
              height={220}
              className={styles.qrImage}
              data-testid="channel-qr"
            />
          ) : (
            <p className="muted">{t("noQr")}</p>
          )}
        </div>
        {hasImage ? (
          <div className={styles.qrDownloads}>
            <ButtonLink
              href={channelQrImageUrl(channel.id, { format: "png", size: 1024 })}
              download={`${channel.name}.png`}
              size="small"
              prefetch={false}
            >
              {t("downloadPng")}
            </ButtonLink>
            <ButtonLink
              href={channelQrImageUrl(channel.id, { format: "svg", size: 1024 })}
              download={`${channel.name}.svg`}
              size="small"
              prefetch={false}
            >
              {t("downloadSvg")}
            </ButtonLink>
            <ButtonLink
              href={hrefWithAccount(`/channels/${channel.id}/studio`)}
              size="small"
              data-testid="channel-open-studio"
            >
              {t("studio")}
            </ButtonLink>
          </div>
        ) : null}
        <dl className={styles.facts}>
          <dt>{t("scene")}</dt>
          <dd>
            <span className="mono">{channel.scene}</span>{" "}
            <span className="faint">({t(`sceneType.${channel.sceneType}`)})</span>
          </dd>
          <dt>{t("kind")}</dt>
          <dd>{tKind(channel.qr.kind)}</dd>
          <dt>{t("expires")}</dt>
          <dd>{channel.qr.expiresAt ? formatters.instant(channel.qr.expiresAt) : t("neverExpires")}</dd>
          <dt>{t("url")}</dt>
          <dd className="mono">{channel.qr.url ?? "—"}</dd>
          <dt>{t("created")}</dt>
          <dd>{formatters.instant(channel.createdAt)}</dd>
        </dl>
      </CardBody>
    </Card>
  );
}
