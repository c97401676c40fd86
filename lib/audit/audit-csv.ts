// The Audit page's CSV: the same filters, every matching row, streamed.
import { allAuditRows } from "@/lib/audit/list-audit";
import { column, type Cell, type ReportSheet } from "@/lib/reports/table";
import { downloadResponse, reportFileName } from "@/lib/reports/download";
import type { AuditQuery } from "@/lib/schemas/team";

async function* auditBatches(query: AuditQuery): AsyncGenerator<Cell[][]> {
  let batch: Cell[][] = [];
  for await (const row of allAuditRows(query)) {
    batch.push([
      row.createdAt,
      row.actorKind,
      row.actor,
      row.action,
      row.objectType,
      row.objectId,
      row.accountId,
      row.detail === null ? null : JSON.stringify(row.detail),
      row.ip,
    ]);
    if (batch.length === 500) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export function auditCsvResponse(query: AuditQuery, signal?: AbortSignal): Response {
  const sheet: ReportSheet = {
    name: "audit",
    columns: [
      column("time (UTC)", "text", 26),
      column("actor kind", "text"),
      column("actor", "text"),
      column("action", "text"),
      column("object type", "text"),
      column("object id", "text"),
      column("account id", "text"),
      column("detail", "text", 60),
      column("ip", "text"),
    ],
    batches: auditBatches(query),
  };
  const today = new Date().toISOString().slice(0, 10);
  return downloadResponse(
    reportFileName(["qudao-audit", query.from ?? "", query.to ?? today], "csv"),
    "csv",
    [sheet],
    signal,
  );
}
