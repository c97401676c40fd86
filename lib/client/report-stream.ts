// Reading a report download in the browser: the first rows for a preview (the stream is cancelled
// as soon as they are in, so a preview of a million events costs a few kilobytes), and a whole
// download with rows counted as they arrive, for a progress bar and a cancel button.
import Papa from "papaparse";
import { errorFromResponse } from "@/lib/client/http";
import { fileNameFromDisposition } from "@/lib/client/save-file";

async function openReport(url: string, signal?: AbortSignal): Promise<ReadableStreamDefaultReader<Uint8Array>> {
  return (await openReportResponse(url, signal)).reader;
}

async function openReportResponse(
  url: string,
  signal?: AbortSignal,
): Promise<{ reader: ReadableStreamDefaultReader<Uint8Array>; fileName: string }> {
  const response = await fetch(url, { signal, headers: { accept: "text/csv, application/octet-stream" } });
  if (!response.ok || !response.body) throw await errorFromResponse(response);
  return {
    reader: response.body.getReader(),
    fileName: fileNameFromDisposition(response.headers.get("content-disposition")) ?? "report.csv",
  };
}

/** The header and up to `rowCount` rows of a CSV report. */
export async function readCsvPreview(
  url: string,
  rowCount: number,
  signal?: AbortSignal,
): Promise<{ header: string[]; rows: string[][] }> {
  const reader = await openReport(url, signal);
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (value) text += decoder.decode(value, { stream: true });
      // Enough complete lines (a name may hold a quoted line break: the parser decides below).
      if (done || text.split("\r\n").length > rowCount + 2) break;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const complete = text.slice(0, text.lastIndexOf("\r\n") + 2);
  const parsed = Papa.parse<string[]>(complete.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  return { header, rows: rows.slice(0, rowCount) };
}

/** The whole file as a Blob, reporting the rows received so far (CRLF-ended lines, header excluded). */
export async function downloadWithProgress(
  url: string,
  onRows: (rows: number) => void,
  signal: AbortSignal,
): Promise<{ blob: Blob; rows: number; fileName: string }> {
  const { reader, fileName } = await openReportResponse(url, signal);
  const chunks: Uint8Array[] = [];
  let lineEnds = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    for (let index = 0; index < value.length; index += 1) if (value[index] === 0x0a) lineEnds += 1;
    onRows(Math.max(lineEnds - 1, 0));
  }
  const blob = new Blob(chunks as BlobPart[], { type: "text/csv;charset=utf-8" });
  return { blob, rows: Math.max(lineEnds - 1, 0), fileName };
}
