"use client";
// What can be done to many channels at once: the selected ones, or every channel of the group
// being filtered. A ZIP of their codes (with a progress bar while it streams), a printable
// sheet, and archiving or restoring.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useMay } from "@/components/auth/viewer-context";
import { Button, ButtonLink } from "@/components/ui/button";
import { InlineError } from "@/components/ui/error-state";
import { useHrefWithAccount } from "@/components/layout/use-selected-account";
import { downloadQrArchive, type ArchiveProgress, type ArchiveRequest } from "@/lib/client/qr-studio";
import { useBulkArchive } from "@/lib/client/channels";
import styles from "@/components/channels/channels.module.css";

interface BulkActionsProps {
  accountId: string;
  selectedIds: string[];
  /** The group the list is filtered to, if any: its codes can be taken whole. */
  group: string;
  onClear: () => void;
}

export function BulkActions({ accountId, selectedIds, group, onClear }: BulkActionsProps) {
  const mayEdit = useMay("editor", accountId);
  const t = useTranslations("channels.bulk");
  const hrefWithAccount = useHrefWithAccount();
  const [progress, setProgress] = useState<ArchiveProgress | null>(null);
  const [error, setError] = useState<unknown>(null);
  const bulkArchive = useBulkArchive();
  const count = selectedIds.length;
  if (count === 0 && !group) return null;

  async function download(selection: ArchiveRequest) {
    setError(null);
    setProgress({ receivedBytes: 0, share: 0, files: 0 });
    try {
      await downloadQrArchive(selection, setProgress);
    } catch (caught) {
      setError(caught);
    } finally {
      // The finished bar stays a moment, so the result is seen.
      setTimeout(() => setProgress(null), 4000);
    }
  }

  const printHref = (query: string) => {
    const base = hrefWithAccount("/channels/print");
    return `${base}${base.includes("?") ? "&" : "?"}${query}`;
  };
  const isBusy = progress !== null;

  return (
    <div className={styles.bulkBar} data-testid="bulk-actions">
      {count > 0 ? (
        <>
          <strong data-testid="selected-count">{t("selected", { count })}</strong>
          <Button
            size="small"
            variant="primary"
            isLoading={isBusy}
            onClick={() => download({ ids: selectedIds, format: "png" })}
            data-testid="download-zip"
          >
            {t("zipPng")}
          </Button>
          <Button size="small" disabled={isBusy} onClick={() => download({ ids: selectedIds, format: "svg" })}>
            {t("zipSvg")}
          </Button>
          <ButtonLink size="small" href={printHref(`ids=${selectedIds.join(",")}`)} data-testid="print-selected">
            {t("print")}
          </ButtonLink>
          {mayEdit ? (
            <>
              <Button
                size="small"
                isLoading={bulkArchive.isPending}
                onClick={() => bulkArchive.mutate({ ids: selectedIds, action: "archive" }, { onSuccess: onClear })}
              >
                {t("archive")}
              </Button>
              <Button
                size="small"
                disabled={bulkArchive.isPending}
                onClick={() => bulkArchive.mutate({ ids: selectedIds, action: "restore" }, { onSuccess: onClear })}
              >
                {t("restore")}
              </Button>
            </>
          ) : null}
          <Button size="small" variant="ghost" onClick={onClear}>
            {t("clear")}
          </Button>
        </>
      ) : (
        <>
          <strong>{t("group", { group })}</strong>
          <Button
            size="small"
            variant="primary"
            isLoading={isBusy}
            onClick={() => download({ accountId, group, format: "png" })}
            data-testid="download-group-zip"
          >
            {t("zipGroup")}
          </Button>
          <ButtonLink size="small" href={printHref(`group=${encodeURIComponent(group)}`)}>
            {t("printGroup")}
          </ButtonLink>
        </>
      )}
      {progress ? (
        <div
          className={styles.progress}
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress.share * 100)}
          aria-label={t("downloading")}
          data-testid="zip-progress"
        >
          <span className={styles.progressBar}>
            <span style={{ width: `${Math.round(progress.share * 100)}%` }} />
          </span>
          <span className={styles.progressText}>
            {progress.share >= 1
              ? t("done", { files: progress.files })
              : t("progress", {
                  percent: Math.round(progress.share * 100),
                  megabytes: (progress.receivedBytes / 1_048_576).toFixed(1),
                })}
          </span>
        </div>
      ) : null}
      {error ? <InlineError error={error} /> : null}
    </div>
  );
}
