"use client";
// A channel's all-time counts, each with its definition one hover away.
import { useTranslations } from "next-intl";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { InfoTip } from "@/components/ui/info-tip";
import { useFormatters } from "@/components/ui/use-formatters";
import type { ChannelCounts as Counts } from "@/lib/schemas/channels";
import styles from "@/components/channels/channel-detail.module.css";

const metrics = [
  { key: "scans", testId: "channel-scans" },
  { key: "uniqueScanners", testId: "channel-unique-scanners" },
  { key: "newFollows", testId: "channel-new-follows" },
  { key: "unfollows", testId: "channel-unfollows" },
  { key: "netFollows", testId: "channel-net-follows" },
] as const;

export function ChannelCounts({ counts, timeZone }: { counts: Counts; timeZone: string }) {
  const t = useTranslations("channels.detail");
  const tMetrics = useTranslations("metrics");
  const formatters = useFormatters(timeZone);
  return (
    <Card>
      <CardHeader title={t("countsTitle")} description={t("countsDescription")} />
      <CardBody>
        <dl className={styles.counts}>
          {metrics.map((metric) => (
            <div key={metric.key} className={styles.count}>
              <dt>
                {tMetrics(`${metric.key}.label`)}
                <InfoTip
                  label={tMetrics("whatIs", { metric: tMetrics(`${metric.key}.label`) })}
                  text={tMetrics(`${metric.key}.definition`)}
                />
              </dt>
              <dd className="tabular" data-testid={metric.testId}>
                {formatters.count(counts[metric.key])}
              </dd>
            </div>
          ))}
        </dl>
      </CardBody>
    </Card>
  );
}
