"use client";
// "How we count": every metric's definition as the README gives it (the metrics messages,
// written once and shown wherever a metric is), and how days, weeks and retention are cut.
import { useTranslations } from "next-intl";
import { Card, CardBody } from "@/components/ui/card";
import styles from "@/components/analytics/analytics.module.css";

const definedMetrics = [
  "scans",
  "uniqueScanners",
  "newFollows",
  "unfollows",
  "netFollows",
  "retention",
  "organicFollows",
  "unattributedScans",
] as const;

export function HowWeCount({ timeZone }: { timeZone: string }) {
  const t = useTranslations("analytics.howWeCount");
  const tMetrics = useTranslations("metrics");
  return (
    <Card>
      <CardBody>
        <details data-testid="how-we-count">
          <summary className={styles.howSummary}>{t("title")}</summary>
          <dl className={styles.definitions} style={{ marginTop: "var(--space-4)" }}>
            {definedMetrics.map((metric) => (
              <div key={metric}>
                <dt>{tMetrics(`${metric}.label`)}</dt>
                <dd>{tMetrics(`${metric}.definition`)}</dd>
              </div>
            ))}
          </dl>
          <ul className={styles.howNotes}>
            <li>{t("zone", { timeZone })}</li>
            <li>{t("weeks")}</li>
            <li>{t("uniques")}</li>
            <li>{t("retentionDays")}</li>
          </ul>
        </details>
      </CardBody>
    </Card>
  );
}
