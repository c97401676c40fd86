// POST /api/channels/{id}/renew — issue a fresh ticket for a temporary code (same scene, history kept)
import { route } from "@/lib/http/route";
import { renewChannel } from "@/lib/channels/renew-channel";
import { channelRenewSchema } from "@/lib/schemas/channels";

export const POST = route<{ id: string }>(
  { role: "editor", account: { channelParam: "id" } },
  async (request, { params }) => {
    const text = await request.text();
    const input = channelRenewSchema.parse(text ? JSON.parse(text) : {});
    return Response.json(await renewChannel(params.id, input));
  },
);
