"use client";
// Every row of an import with its verdict: what will be (or was) created, or why not.
import { ScrollRegion } from "@/components/ui/scroll-region";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ImportRowResult, ImportRowStatus } from "@/lib/schemas/channel-import";
import styles from "@/components/import/import.module.css";

const toneByStatus: Record<ImportRowStatus, BadgeTone> = {
  ready: "green",
  created: "green",
  exists: "blue",
  skipped: "blue",
  invalid: "red",
  failed: "red",
};
const shownAtOnce = 500;

export function ImportRowsTable({ rows, emptyText }: { rows: ImportRowResult[]; emptyText?: string }) {
  const t = useTranslations("channels.import");
  const tKind = useTranslations("channels.kind");
  const [onlyProblems, setOnlyProblems] = useState(false);
  const problems = rows.filter((row) => row.status === "invalid" || row.status === "failed");
  const shown = (onlyProblems ? problems : rows).slice(0, shownAtOnce);
  if (rows.length === 0) return emptyText ? <p className="muted">{emptyText}</p> : null;
  return (
    <>
      {problems.length > 0 ? (
        <label className={styles.filter}>
          <input
            type="checkbox"
            checked={onlyProblems}
            onChange={(event) => setOnlyProblems(event.target.checked)}
            data-testid="import-only-problems"
          />
          {t("onlyProblems", { count: problems.length })}
        </label>
      ) : null}
      <ScrollRegion label={t("previewTitle")} className={styles.tableWrap}>
        <table className={styles.table} data-testid="import-rows">
          <thead>
            <tr>
              <th scope="col">{t("columnsTable.row")}</th>
              <th scope="col">{t("columnsTable.status")}</th>
              <th scope="col">{t("columnsTable.name")}</th>
              <th scope="col">{t("columnsTable.group")}</th>
              <th scope="col">{t("columnsTable.code")}</th>
              <th scope="col">{t("columnsTable.problems")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.key} data-testid="import-row" data-status={row.status} data-row={row.row}>
                <td className={styles.rowNumber}>{row.row}</td>
                <td>
                  <Badge tone={toneByStatus[row.status]}>{t(`status.${row.status}`)}</Badge>
                </td>
                <td className={styles.name}>{row.summary?.name ?? row.fields.name ?? ""}</td>
                <td>{row.fields.group}</td>
                <td className={styles.code}>
                  {row.summary ? (
                    <>
                      {tKind(row.summary.kind)} ·{" "}
                      <span className="mono">{row.summary.scene ?? row.channel?.scene ?? t("autoScene")}</span>
                      {row.summary.expiresInSeconds ? (
                        <span className="muted">
                          {" "}
                          · {t("days", { days: Math.round((row.summary.expiresInSeconds / 86_400) * 10) / 10 })}
                        </span>
                      ) : null}
                    </>
                  ) : row.channel ? (
                    <span className="mono">{row.channel.scene}</span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className={styles.issues}>
                  {row.issues.map((issue, index) => (
                    <div key={index}>
                      {issue.column ? <strong>{t(`column.${issue.column}`)}: </strong> : null}
                      {issue.message}
                    </div>
                  ))}
                  {row.status === "exists" || row.status === "skipped" ? (
                    <span className="muted">{t("alreadyImported")}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {(onlyProblems ? problems : rows).length > shownAtOnce ? (
        <p className="muted">{t("moreRows", { count: (onlyProblems ? problems : rows).length - shownAtOnce })}</p>
      ) : null}
    </>
  );
}
