"use client";
// The channels that bring the most scans. Counts are all-time (the channel list's counts), and
// the card says so: the range filter above does not apply to them.
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { SkeletonRows } from "@/components/ui/spinner";
import { useHrefWithAccount } from "@/components/layout/use-selected-account";
import { ChannelTable } from "@/components/channels/channel-table";
import type { Channel } from "@/lib/schemas/channels";

const shownChannelCount = 8;

interface TopChannelsProps {
  channels: Channel[] | undefined;
  error: unknown;
  onRetry: () => void;
  timeZone: string;
}

export function TopChannels({ channels, error, onRetry, timeZone }: TopChannelsProps) {
  const t = useTranslations("overview");
  const hrefWithAccount = useHrefWithAccount();
  const top = useMemo(
    () =>
      [...(channels ?? [])]
        .sort((a, b) => b.counts.scans - a.counts.scans || b.counts.newFollows - a.counts.newFollows || a.name.localeCompare(b.name))
        .slice(0, shownChannelCount),
    [channels],
  );

  return (
    <Card>
      <CardHeader
        title={t("topChannelsTitle")}
        description={t("topChannelsDescription")}
        actions={
          <ButtonLink href={hrefWithAccount("/channels")} size="small" variant="ghost">
            {t("allChannels")} →
          </ButtonLink>
        }
      />
      <CardBody>
        {error ? <ErrorState error={error} onRetry={onRetry} /> : channels ? <ChannelTable channels={top} timeZone={timeZone} isCompact /> : <SkeletonRows rows={3} />}
      </CardBody>
    </Card>
  );
}
