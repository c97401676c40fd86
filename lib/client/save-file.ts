// Saving what the browser downloaded by fetch (a ZIP of codes, a report, a chart image) as a file,
// under the name the server gave it.

/** The UTF-8 name of an RFC 6266 Content-Disposition (filename*), else its plain filename. */
export function fileNameFromDisposition(header: string | null): string | null {
  const encoded = header?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return header?.match(/filename="([^"]+)"/i)?.[1] ?? null;
}

/** Saves a Blob under a name, as a download link would. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
