// An uploaded import file with its form fields (accountId, sceneType, dryRun), size-checked.
import { AppError } from "@/lib/http/errors";
import { parseImportFile } from "@/lib/channels/import/parse-import-file";
import { importUploadOptionsSchema, maxImportFileBytes } from "@/lib/schemas/channel-import";
import type { ImportRun } from "@/lib/channels/import/run-import";

const formOverheadBytes = 64 * 1024;

export async function readImportUpload(request: Request): Promise<ImportRun> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxImportFileBytes + formOverheadBytes) throw tooLarge();
  const form = await request.formData();
  const file = form.get("file");
  if (!(file instanceof File))
    throw new AppError("validation_failed", "Attach the CSV or XLSX file as the form field “file”", [
      { path: ["file"], message: "Required" },
    ]);
  if (file.size > maxImportFileBytes) throw tooLarge();
  const options = importUploadOptionsSchema.parse({
    accountId: form.get("accountId") ?? undefined,
    sceneType: form.get("sceneType") ?? undefined,
    dryRun: form.get("dryRun") ?? undefined,
  });
  const parsed = await parseImportFile(Buffer.from(await file.arrayBuffer()), file.name);
  return { ...options, rows: parsed.rows, ignoredHeaders: parsed.ignoredHeaders };
}

function tooLarge(): AppError {
  return new AppError("payload_too_large", `An import file is at most ${maxImportFileBytes / 1024 / 1024} MB`);
}
