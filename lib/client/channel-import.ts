// Bulk import from the browser: upload the file for a preview of every row, then send the ready
// rows in small chunks so the page can show progress between them.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { importReportSchema, type ImportReport, type ImportRowResult } from "@/lib/schemas/channel-import";
import type { SceneType } from "@/lib/schemas/channels";
import { fetchJson, jsonRequest, queryString } from "@/lib/client/http";
import { channelKeys } from "@/lib/client/channels";

/** Rows per create request: small enough for a smooth progress bar, large enough to stay quick. */
export const importChunkSize = 10;

export function importTemplateUrl(format: "csv" | "xlsx", locale: "en" | "zh"): string {
  return `/api/channels/import/template${queryString({ format, locale })}`;
}

export function usePreviewImport() {
  return useMutation({
    mutationFn: ({ accountId, file, sceneType }: { accountId: string; file: File; sceneType: SceneType }) => {
      const form = new FormData();
      form.set("accountId", accountId);
      form.set("sceneType", sceneType);
      form.set("dryRun", "1");
      form.set("file", file);
      return fetchJson("/api/channels/import", importReportSchema, { method: "POST", body: form });
    },
  });
}

export interface ImportProgress {
  done: number;
  total: number;
  results: ImportRowResult[];
}

/** Creates the preview's ready rows, chunk by chunk; a failed request marks its rows failed and goes on. */
export function useRunImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      accountId,
      sceneType,
      rows,
      onProgress,
    }: {
      accountId: string;
      sceneType: SceneType;
      rows: ImportRowResult[];
      onProgress: (progress: ImportProgress) => void;
    }) => {
      const results: ImportRowResult[] = [];
      for (let start = 0; start < rows.length; start += importChunkSize) {
        const chunk = rows.slice(start, start + importChunkSize);
        try {
          const report: ImportReport = await fetchJson(
            "/api/channels/import",
            importReportSchema,
            jsonRequest("POST", {
              accountId,
              sceneType,
              rows: chunk.map(({ row, fields, key }) => ({ row, fields, key })),
            }),
          );
          results.push(...report.rows);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          results.push(
            ...chunk.map((row) => ({ ...row, status: "failed" as const, issues: [{ column: null, message }] })),
          );
        }
        onProgress({ done: Math.min(rows.length, start + chunk.length), total: rows.length, results: [...results] });
      }
      return results;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: channelKeys.all }),
  });
}
