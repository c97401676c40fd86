"use client";
// The raw events download: the count first (so progress has a total), then the stream, rows
// counted as they arrive; Cancel aborts the request and the server stops reading.
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/error-state";
import { DownloadIcon } from "@/components/reports/export-menu";
import { fetchJson } from "@/lib/client/http";
import { eventsCountUrl } from "@/lib/client/reports";
import { downloadWithProgress } from "@/lib/client/report-stream";
import { saveBlob } from "@/lib/client/save-file";
import { eventsCountSchema } from "@/lib/schemas/reports";
import type { StatsFilter } from "@/lib/client/stats";
import styles from "@/components/reports/reports.module.css";

type DownloadState =
  | { status: "idle" }
  | { status: "running"; rows: number }
  | { status: "done"; rows: number }
  | { status: "cancelled" }
  | { status: "failed"; error: unknown };

export function EventsDownload({ filter, url }: { filter: StatsFilter; url: string }) {
  const t = useTranslations("reports.builder");
  const count = useQuery({
    queryKey: ["report-events-count", filter],
    queryFn: () => fetchJson(eventsCountUrl(filter), eventsCountSchema),
  });
  const [state, setState] = useState<DownloadState>({ status: "idle" });
  const abort = useRef<AbortController | null>(null);

  const start = async () => {
    abort.current = new AbortController();
    setState({ status: "running", rows: 0 });
    try {
      const { blob, rows, fileName } = await downloadWithProgress(
        url,
        (rowsSoFar) => setState({ status: "running", rows: rowsSoFar }),
        abort.current.signal,
      );
      saveBlob(blob, fileName);
      setState({ status: "done", rows });
    } catch (error) {
      setState(abort.current.signal.aborted ? { status: "cancelled" } : { status: "failed", error });
    }
  };
  const total = count.data?.count;

  return (
    <div className={styles.progress} data-testid="events-download">
      <span>{total === undefined ? t("counting") : t("eventsToExport", { count: total })}</span>
      {state.status === "running" ? (
        <>
          <progress max={Math.max(total ?? 0, 1)} value={state.rows} aria-label={t("download")} />
          <span data-testid="events-progress">{t("progress", { done: state.rows, total: total ?? state.rows })}</span>
          <div>
            <Button size="small" onClick={() => abort.current?.abort()} data-testid="events-cancel">
              {t("cancel")}
            </Button>
          </div>
        </>
      ) : (
        <div>
          <Button variant="primary" onClick={start} disabled={total === undefined} data-testid="report-download">
            <DownloadIcon />
            {t("download")}
          </Button>
        </div>
      )}
      {state.status === "done" ? <span data-testid="events-done">{t("done", { count: state.rows })}</span> : null}
      {state.status === "cancelled" ? <span>{t("cancelled")}</span> : null}
      {state.status === "failed" ? <InlineError error={state.error} /> : null}
    </div>
  );
}
