// POST /api/channels/import — bulk create from CSV/XLSX (multipart "file") or JSON rows; dryRun previews every row first
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { AppError } from "@/lib/http/errors";
import { runImport } from "@/lib/channels/import/run-import";
import { readImportUpload } from "@/lib/channels/import/read-import-upload";
import { importRequestSchema, maxImportFileBytes } from "@/lib/schemas/channel-import";

// Above the upload's own limit (maxImportFileBytes and form overhead), which refuses first with a clearer message.
export const POST = route(
  { role: "editor", account: "body", acceptsFiles: true, maxBodyBytes: maxImportFileBytes + 128 * 1024 },
  async (request) => {
    const contentType = request.headers.get("content-type") ?? "";
    if (contentType.startsWith("multipart/form-data"))
      return Response.json(await runImport(await readImportUpload(request)));
    if (!contentType.startsWith("application/json"))
      throw new AppError("bad_request", "Send a file as multipart/form-data, or rows as JSON");
    return Response.json(await runImport(importRequestSchema.parse(await readJson(request))));
  },
);
