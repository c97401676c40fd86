// GET /api/channels/{id}/qr-design — the studio's saved design (or the default); PUT — save it (optionally on the whole group); DELETE — back to the default
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { getChannelQrDesign, resetChannelQrDesign, saveChannelQrDesign } from "@/lib/channels/qr-design";
import { qrDesignSaveSchema } from "@/lib/schemas/qr-design";

type Params = { id: string };

export const GET = route<Params>({ role: "viewer", account: { channelParam: "id" } }, async (_request, { params }) =>
  Response.json(await getChannelQrDesign(params.id)),
);

// A design carries its logo as a data URL: room for the schema to name an oversize logo (422)
// instead of the body limit refusing it unread (413).
const designBodyBytes = 1024 * 1024;

export const PUT = route<Params>(
  { role: "editor", account: { channelParam: "id" }, maxBodyBytes: designBodyBytes },
  async (request, { params }) => {
    const input = qrDesignSaveSchema.parse(await readJson(request));
    return Response.json(await saveChannelQrDesign(params.id, input));
  },
);

export const DELETE = route<Params>({ role: "editor", account: { channelParam: "id" } }, async (_request, { params }) =>
  Response.json(await resetChannelQrDesign(params.id)),
);
