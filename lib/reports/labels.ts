// Headers, sheet names and metric definitions of the report files, in the UI's own words: the
// metric names come from the same messages the dashboard shows, so a file never says "Scans"
// where the screen says something else.
import enMetrics from "@/lib/i18n/messages/en/metrics.json";
import zhMetrics from "@/lib/i18n/messages/zh/metrics.json";
import enReports from "@/lib/i18n/messages/en/reports.json";
import zhReports from "@/lib/i18n/messages/zh/reports.json";
import type { ReportLanguage } from "@/lib/schemas/reports";

const messages = {
  en: { metrics: enMetrics, reports: enReports },
  zh: { metrics: zhMetrics, reports: zhReports },
};

export const countMetrics = ["scans", "uniqueScanners", "newFollows", "unfollows", "netFollows"] as const;
export type CountMetric = (typeof countMetrics)[number];

export type ColumnKey = keyof typeof enReports.columns;

export interface ReportLabels {
  column(key: ColumnKey): string;
  metric(metric: CountMetric | "retention" | "unattributedScans" | "organicFollows"): string;
  definition(metric: CountMetric | "retention" | "unattributedScans" | "organicFollows"): string;
  sheet(key: keyof typeof enReports.sheets): string;
  summaryRow(key: keyof typeof enReports.summaryRows): string;
}

export function reportLabels(language: ReportLanguage): ReportLabels {
  const { metrics, reports } = messages[language];
  return {
    column: (key) => reports.columns[key],
    metric: (metric) => metrics[metric].label,
    definition: (metric) => metrics[metric].definition,
    sheet: (key) => reports.sheets[key],
    summaryRow: (key) => reports.summaryRows[key],
  };
}

/** The metrics whose definitions a report explains, in the order the dashboard lists them. */
export const definedMetrics = [...countMetrics, "retention", "unattributedScans", "organicFollows"] as const;
