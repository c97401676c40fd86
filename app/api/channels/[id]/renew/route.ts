// POST /api/channels/{id}/renew — issue a fresh ticket for a temporary code (same scene, history kept)
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { renewChannel } from "@/lib/channels/renew-channel";
import { channelRenewSchema } from "@/lib/schemas/channels";

export const POST = route<{ id: string }>(
  { role: "editor", account: { channelParam: "id" } },
  async (request, { params }) => {
    const input = channelRenewSchema.parse(await readJson(request, { whenEmpty: {} }));
    return Response.json(await renewChannel(params.id, input));
  },
);
