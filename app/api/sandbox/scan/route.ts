// POST /api/sandbox/scan — make the emulator push a scan of a code to the account's webhook
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { simulateScan } from "@/lib/sandbox/simulate";
import { sandboxScanSchema } from "@/lib/schemas/sandbox";

export const POST = route({ role: "editor", account: "body", isSandbox: true }, async (request) =>
  Response.json(await simulateScan(sandboxScanSchema.parse(await readJson(request)))),
);
