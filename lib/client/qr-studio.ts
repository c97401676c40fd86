// The QR studio's saved design per channel, and ZIP downloads of many codes with progress.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { channelQrDesignSchema, type QrDesignSaveInput } from "@/lib/schemas/qr-design";
import type { QrArchiveSelection, QrImageFormat } from "@/lib/schemas/channels";
import { ApiError, fetchJson, jsonRequest } from "@/lib/client/http";
import { channelKeys } from "@/lib/client/channels";
import { errorBodySchema } from "@/lib/schemas/common";
import { fileNameFromDisposition, saveBlob } from "@/lib/client/save-file";

export function useQrDesign(channelId: string) {
  return useQuery({
    queryKey: channelKeys.design(channelId),
    queryFn: () => fetchJson(`/api/channels/${encodeURIComponent(channelId)}/qr-design`, channelQrDesignSchema),
  });
}

export function useSaveQrDesign(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: QrDesignSaveInput) =>
      fetchJson(
        `/api/channels/${encodeURIComponent(channelId)}/qr-design`,
        channelQrDesignSchema,
        jsonRequest("PUT", input),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(channelKeys.design(channelId), { ...saved, appliedTo: undefined });
      // Other channels of the group may have received it too.
      if ((saved.appliedTo ?? 1) > 1)
        return queryClient.invalidateQueries({ predicate: (query) => query.queryKey[1] === "design" });
    },
  });
}

export function useResetQrDesign(channelId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      fetchJson(
        `/api/channels/${encodeURIComponent(channelId)}/qr-design`,
        channelQrDesignSchema,
        jsonRequest("DELETE"),
      ),
    onSuccess: (saved) => queryClient.setQueryData(channelKeys.design(channelId), saved),
  });
}

export interface ArchiveProgress {
  receivedBytes: number;
  /** 0–1, estimated from the server's size estimate until the download ends. */
  share: number;
  files: number;
}

export type ArchiveRequest = Omit<QrArchiveSelection, "format" | "ids"> & { ids?: string[]; format?: QrImageFormat };

/**
 * Downloads a ZIP of codes, reporting progress as it streams, and hands the browser the file.
 * POST, so a selection of hundreds of ids fits (a URL would not).
 */
export async function downloadQrArchive(
  selection: ArchiveRequest,
  onProgress: (progress: ArchiveProgress) => void,
  signal?: AbortSignal,
): Promise<{ fileName: string; bytes: number }> {
  let response: Response;
  try {
    response = await fetch("/api/channels/qr-archive", {
      ...jsonRequest("POST", selection),
      credentials: "same-origin",
      signal,
    });
  } catch (cause) {
    throw new ApiError(0, "network_error", cause instanceof Error ? cause.message : "Network error");
  }
  if (!response.ok || !response.body) {
    const parsed = errorBodySchema.safeParse(await response.json().catch(() => undefined));
    throw parsed.success
      ? new ApiError(response.status, parsed.data.error.code, parsed.data.error.message, parsed.data.error.issues)
      : new ApiError(response.status, "internal", `HTTP ${response.status}`);
  }
  const files = Number(response.headers.get("x-qudao-file-count") ?? 0);
  const estimated = Number(response.headers.get("x-qudao-estimated-bytes") ?? 0);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let receivedBytes = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value as Uint8Array<ArrayBuffer>);
    receivedBytes += value.byteLength;
    onProgress({ receivedBytes, files, share: estimated > 0 ? Math.min(0.99, receivedBytes / estimated) : 0 });
  }
  onProgress({ receivedBytes, files, share: 1 });
  const fileName = fileNameFromDisposition(response.headers.get("content-disposition")) ?? "qudao-codes.zip";
  saveBlob(new Blob(chunks, { type: "application/zip" }), fileName);
  return { fileName, bytes: receivedBytes };
}
