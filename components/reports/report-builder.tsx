"use client";
// The report builder: range and channel filters (as on the dashboard, kept in the URL), what the
// file holds, its header language and format; a preview of its first rows; then Download, or the
// same file as a URL for scripts. Raw events download with progress and can be cancelled.
import { ScrollRegion } from "@/components/ui/scroll-region";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState, InlineError } from "@/components/ui/error-state";
import { SkeletonRows } from "@/components/ui/spinner";
import { PageHeader } from "@/components/layout/page-header";
import { AccountGate } from "@/components/layout/account-gate";
import { useSelectedAccount } from "@/components/layout/use-selected-account";
import { RangeToolbar } from "@/components/analytics/range-toolbar";
import { useStatsFilter, useStatsParams } from "@/components/analytics/use-stats-params";
import { useRangeLabel } from "@/components/analytics/use-range-label";
import { EventsDownload } from "@/components/reports/events-download";
import { DownloadIcon } from "@/components/reports/export-menu";
import { useChannelList } from "@/lib/client/channels";
import { formatsOf, printableReportHref, reportUrl, type FileFormat, type ReportKind } from "@/lib/client/reports";
import { readCsvPreview } from "@/lib/client/report-stream";
import { reportMetrics, type ReportInterval, type ReportLanguage, type ReportMetric } from "@/lib/schemas/reports";
import type { Account } from "@/lib/schemas/accounts";
import styles from "@/components/reports/reports.module.css";
import analyticsStyles from "@/components/analytics/analytics.module.css";
import uiStyles from "@/components/ui/ui.module.css";

const previewRowCount = 10;
type Granularity = "none" | ReportInterval;
type Shape = "table" | "workbook" | "events";
type Format = FileFormat | "pdf";

export function ReportBuilderView() {
  const t = useTranslations("reports");
  const selection = useSelectedAccount();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <AccountGate selection={selection}>
        {(account) => <ReportBuilder key={account.id} account={account} />}
      </AccountGate>
    </>
  );
}

function ReportBuilder({ account }: { account: Account }) {
  const t = useTranslations("reports.builder");
  const tMetrics = useTranslations("metrics");
  const locale = useLocale();
  const { params, update } = useStatsParams(account.timezone);
  const rangeLabel = useRangeLabel(params, account.timezone);
  const channels = useChannelList({ accountId: account.id, limit: 500 });
  const choices = useMemo(
    () => (channels.data?.items ?? []).map((channel) => ({ id: channel.id, name: channel.name, group: channel.group })),
    [channels.data],
  );
  const [shape, setShape] = useState<Shape>("table");
  const [granularity, setGranularity] = useState<Granularity>("none");
  const [isPerChannel, setIsPerChannel] = useState(false);
  const [metrics, setMetrics] = useState<ReportMetric[]>([...reportMetrics]);
  const [lang, setLang] = useState<ReportLanguage>(locale === "zh" ? "zh" : "en");
  const [format, setFormat] = useState<Format>("xlsx");

  const filter = useStatsFilter(account.id, params);
  const kind: ReportKind =
    shape !== "table"
      ? shape
      : granularity === "none"
        ? "channels"
        : isPerChannel
          ? "timeseriesPerChannel"
          : "timeseries";
  const formats: Format[] = shape === "events" ? ["csv"] : [...formatsOf[kind], "pdf"];
  const fileFormat: FileFormat = format === "pdf" || !formatsOf[kind].includes(format) ? formatsOf[kind][0]! : format;
  const effectiveFormat: Format = formats.includes(format) ? format : fileFormat;
  const interval = granularity === "none" ? undefined : granularity;
  const metricsParam = shape === "table" && metrics.length < reportMetrics.length ? metrics.join(",") : undefined;
  const request = { kind, filter, lang, interval, format: fileFormat };
  const downloadUrl = withMetrics(reportUrl(request), metricsParam);
  // The preview reads the CSV of the same rows (the workbook: its Channels sheet).
  const previewUrl = withMetrics(
    reportUrl({ ...request, kind: kind === "workbook" ? "channels" : kind, format: "csv" }),
    metricsParam,
  );
  const preview = useQuery({
    queryKey: ["report-preview", previewUrl],
    queryFn: ({ signal }) => readCsvPreview(previewUrl, previewRowCount, signal),
  });
  const toggleMetric = (metric: ReportMetric) =>
    setMetrics((current) =>
      current.includes(metric)
        ? current.length > 1
          ? current.filter((candidate) => candidate !== metric)
          : current
        : reportMetrics.filter((candidate) => candidate === metric || current.includes(candidate)),
    );

  return (
    <>
      <RangeToolbar params={params} onChange={update} channels={choices} hasInterval={false} />
      <div className={styles.builder}>
        <Card>
          <CardHeader title={t("report")} description={rangeLabel} />
          <CardBody className={styles.options}>
            <fieldset className={styles.option}>
              <legend>{t("report")}</legend>
              {(["table", "workbook", "events"] as const).map((candidate) => (
                <label key={candidate} className={styles.choice}>
                  <input
                    type="radio"
                    name="shape"
                    checked={shape === candidate}
                    onChange={() => setShape(candidate)}
                    data-testid={`report-shape-${candidate}`}
                  />
                  {candidate === "table" ? t("kind.channels") : t(`kind.${candidate}`)}
                </label>
              ))}
            </fieldset>
            {shape === "table" ? (
              <>
                <fieldset className={styles.option}>
                  <legend>{t("granularity")}</legend>
                  <div className={styles.segmented}>
                    {(["none", "day", "week", "month"] as const).map((candidate) => (
                      <button
                        key={candidate}
                        type="button"
                        className={analyticsStyles.preset}
                        aria-pressed={granularity === candidate}
                        onClick={() => setGranularity(candidate)}
                        data-testid={`report-granularity-${candidate}`}
                      >
                        {candidate === "none" ? t("kind.channels") : t(`interval.${candidate}`)}
                      </button>
                    ))}
                  </div>
                  {granularity !== "none" ? (
                    <label className={styles.choice}>
                      <input
                        type="checkbox"
                        checked={isPerChannel}
                        onChange={(event) => setIsPerChannel(event.target.checked)}
                        data-testid="report-per-channel"
                      />
                      {t("kind.timeseriesPerChannel")}
                    </label>
                  ) : null}
                </fieldset>
                <fieldset className={styles.option}>
                  <legend>{t("metrics")}</legend>
                  {reportMetrics
                    .filter((metric) => metric !== "retention" || granularity === "none")
                    .map((metric) => (
                      <label key={metric} className={styles.choice}>
                        <input
                          type="checkbox"
                          checked={metrics.includes(metric)}
                          onChange={() => toggleMetric(metric)}
                          data-testid={`report-metric-${metric}`}
                        />
                        {tMetrics(`${metric}.label`)}
                      </label>
                    ))}
                </fieldset>
              </>
            ) : null}
            <fieldset className={styles.option}>
              <legend>{t("headerLanguage")}</legend>
              <div className={styles.segmented}>
                {(["zh", "en"] as const).map((candidate) => (
                  <button
                    key={candidate}
                    type="button"
                    className={analyticsStyles.preset}
                    aria-pressed={lang === candidate}
                    onClick={() => setLang(candidate)}
                    data-testid={`report-lang-${candidate}`}
                  >
                    {t(`language.${candidate}`)}
                  </button>
                ))}
              </div>
            </fieldset>
            <fieldset className={styles.option}>
              <legend>{t("format")}</legend>
              <div className={styles.segmented}>
                {formats.map((candidate) => (
                  <button
                    key={candidate}
                    type="button"
                    className={analyticsStyles.preset}
                    aria-pressed={effectiveFormat === candidate}
                    onClick={() => setFormat(candidate)}
                    data-testid={`report-format-${candidate}`}
                  >
                    {t(`formatName.${candidate}`)}
                  </button>
                ))}
              </div>
            </fieldset>
            <div className={styles.actions}>
              {effectiveFormat === "pdf" ? (
                <ButtonLink href={printableReportHref(filter)} variant="primary" data-testid="report-open-printable">
                  {t("openPrintable")}
                </ButtonLink>
              ) : shape === "events" ? null : (
                <a href={downloadUrl} download className={`${buttonClass("primary")}`} data-testid="report-download">
                  <DownloadIcon />
                  {t("download")}
                </a>
              )}
            </div>
            {shape === "events" ? <EventsDownload filter={filter} url={downloadUrl} /> : null}
            {effectiveFormat !== "pdf" ? <ScriptLink url={downloadUrl} /> : null}
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title={t("preview")}
            description={kind === "workbook" ? t("previewUnavailable") : t("previewNote", { count: previewRowCount })}
          />
          <CardBody>
            {preview.error ? (
              <ErrorState error={preview.error} onRetry={() => preview.refetch()} />
            ) : !preview.data ? (
              <SkeletonRows rows={6} />
            ) : preview.data.rows.length === 0 ? (
              <EmptyState icon="▦" title={t("previewEmpty")} />
            ) : (
              <ScrollRegion label={t("preview")} className={styles.previewWrap}>
                <table className={styles.previewTable} data-testid="report-preview">
                  <thead>
                    <tr>
                      {preview.data.header.map((cell, index) => (
                        <th key={index} scope="col">
                          {cell}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.data.rows.map((row, rowIndex) => (
                      <tr key={rowIndex}>
                        {row.map((cell, index) => (
                          <td key={index}>{cell}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}

function withMetrics(url: string, metrics: string | undefined): string {
  return metrics ? `${url}&metrics=${encodeURIComponent(metrics)}` : url;
}

function buttonClass(variant: "primary" | "secondary"): string {
  return `${uiStyles.button} ${uiStyles[variant]}`;
}

function ScriptLink({ url }: { url: string }) {
  const t = useTranslations("reports.builder");
  const [isCopied, setIsCopied] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const absolute = typeof window === "undefined" ? url : new URL(url, window.location.origin).toString();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(absolute);
      setIsCopied(true);
      setTimeout(() => setIsCopied(false), 2000);
    } catch (copyError) {
      setError(copyError);
    }
  };
  return (
    <div className={styles.scriptLink}>
      <div>
        <Button size="small" onClick={copy} data-testid="report-copy-link">
          {isCopied ? t("copied") : t("copyLink")}
        </Button>
      </div>
      <code data-testid="report-url">{absolute}</code>
      <span>{t("linkHint")}</span>
      <code>{`curl -H "Authorization: Bearer $QUDAO_KEY" "${absolute}" -OJ`}</code>
      {error ? <InlineError error={error} /> : null}
    </div>
  );
}
