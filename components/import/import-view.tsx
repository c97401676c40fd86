"use client";
// Bulk import: choose a CSV or XLSX, see every row's verdict before anything is created, then
// create the ready rows with a progress bar. Failed rows are listed and can be retried; running
// the same file again creates nothing twice.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState, type ChangeEvent } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { InlineError } from "@/components/ui/error-state";
import { SegmentedControl } from "@/components/ui/field";
import { PageHeader } from "@/components/layout/page-header";
import { AccountGate } from "@/components/layout/account-gate";
import { useHrefWithAccount, useSelectedAccount } from "@/components/layout/use-selected-account";
import { ImportRowsTable } from "@/components/import/import-rows-table";
import { importTemplateUrl, usePreviewImport, useRunImport, type ImportProgress } from "@/lib/client/channel-import";
import type { Account } from "@/lib/schemas/accounts";
import type { ImportReport, ImportRowResult } from "@/lib/schemas/channel-import";
import type { SceneType } from "@/lib/schemas/channels";
import styles from "@/components/import/import.module.css";

export function ImportView() {
  const t = useTranslations("channels.import");
  const selection = useSelectedAccount();
  const hrefWithAccount = useHrefWithAccount();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        eyebrow={
          <Link href={hrefWithAccount("/channels")} className={styles.back}>
            ← {t("back")}
          </Link>
        }
      />
      <AccountGate selection={selection}>{(account) => <ImportForAccount account={account} />}</AccountGate>
    </>
  );
}

function ImportForAccount({ account }: { account: Account }) {
  const t = useTranslations("channels.import");
  const locale = useLocale() === "zh" ? "zh" : "en";
  const hrefWithAccount = useHrefWithAccount();
  const [sceneType, setSceneType] = useState<SceneType>("int");
  const [fileName, setFileName] = useState<string | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const preview = usePreviewImport();
  const run = useRunImport();
  const report: ImportReport | undefined = preview.data;

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setFileName(file.name);
    setProgress(null);
    run.reset();
    preview.mutate({ accountId: account.id, file, sceneType });
  }

  function create(rows: ImportRowResult[]) {
    setProgress({ done: 0, total: rows.length, results: [] });
    run.mutate({ accountId: account.id, sceneType, rows, onProgress: setProgress });
  }

  const readyRows = report?.rows.filter((row) => row.status === "ready") ?? [];
  const results = progress?.results ?? [];
  const failedRows = results.filter((row) => row.status === "failed");
  const isDone = progress !== null && !run.isPending;
  // Rows the preview already refused or found imported belong to the result too.
  const previewOnly = report?.rows.filter((row) => row.status === "invalid" || row.status === "exists") ?? [];
  const outcome = [...results, ...previewOnly].sort((a, b) => a.row - b.row);
  const count = (...statuses: ImportRowResult["status"][]) =>
    outcome.filter((row) => statuses.includes(row.status)).length;

  return (
    <div className={styles.layout}>
      <Card>
        <CardHeader title={t("fileTitle")} description={t("fileDescription")} />
        <CardBody className={styles.fileBody}>
          <label className={styles.drop}>
            <input
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={chooseFile}
              disabled={run.isPending}
              data-testid="import-file"
            />
            <strong>{fileName ?? t("chooseFile")}</strong>
            <span className="muted">{t("fileHint")}</span>
          </label>
          <SegmentedControl<SceneType>
            label={t("sceneType")}
            value={sceneType}
            onChange={setSceneType}
            options={[
              { value: "int", label: t("sceneInt") },
              { value: "str", label: t("sceneStr") },
            ]}
          />
          <p className={styles.note}>{t("sceneTypeHint")}</p>
          <div className={styles.templates}>
            <span>{t("template")}</span>
            <a href={importTemplateUrl("csv", locale)} download data-testid="template-csv">
              CSV
            </a>
            <a href={importTemplateUrl("xlsx", locale)} download data-testid="template-xlsx">
              XLSX
            </a>
          </div>
          <p className={styles.note}>{t("columns")}</p>
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title={progress ? t("resultTitle") : t("previewTitle")}
          description={
            report
              ? t("previewSummary", {
                  ready: report.counts.ready,
                  exists: report.counts.exists,
                  invalid: report.counts.invalid,
                })
              : t("previewEmpty")
          }
          actions={
            report && !progress ? (
              <Button
                variant="primary"
                disabled={readyRows.length === 0}
                onClick={() => create(readyRows)}
                data-testid="import-create"
              >
                {t("create", { count: readyRows.length })}
              </Button>
            ) : null
          }
        />
        <CardBody>
          {preview.isPending ? <p className="muted">{t("reading")}</p> : null}
          {preview.isError ? <InlineError error={preview.error} /> : null}
          {report && report.ignoredHeaders.length > 0 ? (
            <p className={styles.note}>{t("ignoredHeaders", { headers: report.ignoredHeaders.join(", ") })}</p>
          ) : null}
          {progress ? (
            <div className={styles.progress} data-testid="import-progress">
              <div
                className={styles.progressBar}
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={progress.total}
                aria-valuenow={progress.done}
                aria-label={t("creating")}
              >
                <span style={{ width: `${progress.total ? (progress.done / progress.total) * 100 : 100}%` }} />
              </div>
              <p data-testid="import-progress-text">
                {isDone
                  ? t("doneSummary", {
                      created: count("created"),
                      skipped: count("skipped", "exists"),
                      failed: count("failed", "invalid"),
                    })
                  : t("progress", { done: progress.done, total: progress.total })}
              </p>
            </div>
          ) : null}
          {isDone ? (
            <div className={styles.doneActions}>
              {failedRows.length > 0 ? (
                <Button onClick={() => create(failedRows)} data-testid="import-retry">
                  {t("retryFailed", { count: failedRows.length })}
                </Button>
              ) : null}
              <ButtonLink href={hrefWithAccount("/channels")} variant="primary" data-testid="import-open-list">
                {t("openList")}
              </ButtonLink>
            </div>
          ) : null}
          {run.isError ? <InlineError error={run.error} /> : null}
          {progress && results.length > 0 ? (
            <ImportRowsTable rows={outcome.filter((row) => row.status !== "created")} emptyText={t("allCreated")} />
          ) : report ? (
            <ImportRowsTable rows={report.rows} />
          ) : null}
        </CardBody>
      </Card>
    </div>
  );
}
