// GET /api/channels/qr-archive?ids=…|accountId=…&group=…&format=png|svg — a ZIP of codes, streamed; POST takes the same as JSON (long selections)
import { downloadZip } from "client-zip";
import { route, searchParamsOf } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { buildQrArchive } from "@/lib/channels/qr-archive";
import { contentDisposition } from "@/lib/channels/file-names";

async function archiveResponse(selection: unknown): Promise<Response> {
  const archive = await buildQrArchive(selection);
  const zip = downloadZip(archive.entries);
  return new Response(zip.body, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": contentDisposition("attachment", archive.fileName, archive.asciiFileName),
      "cache-control": "no-store",
      // For the download's progress bar: the length is unknown until the last code is rendered.
      "x-qudao-file-count": String(archive.count),
      "x-qudao-estimated-bytes": String(archive.estimatedBytes),
    },
  });
}

export const GET = route({ role: "viewer", account: "query" }, async (request) =>
  archiveResponse(searchParamsOf(request)),
);

export const POST = route({ role: "viewer", account: "body" }, async (request) =>
  archiveResponse(await readJson(request)),
);
