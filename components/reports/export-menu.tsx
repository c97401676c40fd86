"use client";
// "Export" where the numbers are: the view's own range and filters as CSV, Excel, the workbook or
// the printable report, in the UI's language. Plain links: the browser downloads with its session.
import { useLocale, useTranslations } from "next-intl";
import { useRef } from "react";
import { printableReportHref, reportUrl, type ReportKind } from "@/lib/client/reports";
import type { StatsFilter, SummaryFilter } from "@/lib/client/stats";
import type { ReportInterval } from "@/lib/schemas/reports";
import type { StatsInterval } from "@/lib/schemas/stats";
import buttonStyles from "@/components/ui/ui.module.css";
import styles from "@/components/reports/reports.module.css";

interface ExportMenuProps {
  /** The view's filter, with its comparison when it has one. */
  filter: SummaryFilter;
  /** The chart's interval on screen; hours export as days (a report row is at least a day). */
  interval?: StatsInterval;
  /** Compare: the trend per channel instead of for the scope as a whole. */
  isPerChannel?: boolean;
}

export function ExportMenu({ filter, interval = "day", isPerChannel = false }: ExportMenuProps) {
  const t = useTranslations("reports.export");
  const locale = useLocale();
  const lang = locale === "zh" ? "zh" : "en";
  const menu = useRef<HTMLDetailsElement>(null);
  const reportInterval: ReportInterval = interval === "hour" ? "day" : interval;
  const trendKind: ReportKind = isPerChannel ? "timeseriesPerChannel" : "timeseries";
  const items = [
    { key: "channelsCsv", href: reportUrl({ kind: "channels", filter, format: "csv", lang }) },
    { key: "channelsXlsx", href: reportUrl({ kind: "channels", filter, format: "xlsx", lang }) },
    {
      key: "trendCsv",
      href: reportUrl({ kind: trendKind, filter, format: "csv", lang, interval: reportInterval }),
    },
    {
      key: "trendXlsx",
      href: reportUrl({ kind: trendKind, filter, format: "xlsx", lang, interval: reportInterval }),
    },
    { key: "workbook", href: reportUrl({ kind: "workbook", filter, format: "xlsx", lang }) },
  ] as const;
  const close = () => menu.current?.removeAttribute("open");

  return (
    <details className={styles.menu} ref={menu} data-testid="export-menu" data-print-hidden>
      <summary className={`${buttonStyles.button} ${buttonStyles.secondary}`}>
        <DownloadIcon />
        {t("button")}
      </summary>
      <div className={styles.menuItems}>
        {items.map((item) => (
          <a
            key={item.key}
            className={styles.menuItem}
            href={item.href}
            download
            onClick={close}
            data-testid={`export-${item.key}`}
          >
            {t(item.key)}
          </a>
        ))}
        <div className={styles.menuDivider} />
        <a className={styles.menuItem} href={printableReportHref(filter)} onClick={close} data-testid="export-print">
          {t("print")}
        </a>
        <a className={styles.menuItem} href={`/reports?${new URLSearchParams(builderParams(filter))}`} onClick={close}>
          {t("builder")}
        </a>
      </div>
    </details>
  );
}

function builderParams(filter: StatsFilter): Record<string, string> {
  return {
    account: filter.accountId,
    range: "custom",
    from: filter.from,
    to: filter.to,
    ...(filter.channelIds ? { channels: filter.channelIds } : {}),
    ...(filter.groups ? { groups: filter.groups } : {}),
  };
}

export function DownloadIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <path d="M12 4v11M7 10l5 5 5-5M5 20h14" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
