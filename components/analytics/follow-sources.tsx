"use client";
// Where the range's follows came from: through a channel's code, or organically (search, a name
// card — shown for context, credited to no channel).
import { useTranslations } from "next-intl";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { InfoTip } from "@/components/ui/info-tip";
import { useFormatters } from "@/components/ui/use-formatters";
import { metricColors } from "@/components/analytics/trend-panel";
import type { Summary } from "@/lib/schemas/stats";
import styles from "@/components/analytics/analytics.module.css";

const organicColor = "#9aa7a1";

export function FollowSources({
  summary,
  timeZone,
  isFiltered,
}: {
  summary: Summary;
  timeZone: string;
  isFiltered: boolean;
}) {
  const t = useTranslations("analytics.sources");
  const tMetrics = useTranslations("metrics");
  const formatters = useFormatters(timeZone);
  const total = summary.newFollows + summary.organicFollows;
  const share = (value: number) => (total === 0 ? "—" : `${Math.round((value / total) * 100)}%`);
  const parts = [
    {
      key: "channel",
      label: isFiltered ? t("filteredChannels") : t("channels"),
      value: summary.newFollows,
      color: metricColors.newFollows,
      definition: tMetrics("newFollows.definition"),
    },
    {
      key: "organic",
      label: tMetrics("organicFollows.label"),
      value: summary.organicFollows,
      color: organicColor,
      definition: tMetrics("organicFollows.definition"),
    },
  ];
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        <div
          className={styles.share}
          role="img"
          aria-label={parts
            .map((part) => `${part.label}: ${formatters.count(part.value)} (${share(part.value)})`)
            .join(", ")}
          data-testid="follow-sources"
        >
          {total > 0
            ? parts.map((part) => (
                <span key={part.key} style={{ width: `${(part.value / total) * 100}%`, background: part.color }} />
              ))
            : null}
        </div>
        <div className={styles.shareLegend}>
          {parts.map((part) => (
            <span key={part.key} className={styles.shareItem}>
              <span className={styles.shareLabel}>
                <span className={styles.toggleSwatch} style={{ background: part.color }} aria-hidden />
                {part.label}
                <InfoTip label={tMetrics("whatIs", { metric: part.label })} text={part.definition} />
              </span>
              <span>
                <strong className="tabular">{formatters.count(part.value)}</strong>{" "}
                <span className="muted">{share(part.value)}</span>
              </span>
            </span>
          ))}
        </div>
      </CardBody>
    </Card>
  );
}
