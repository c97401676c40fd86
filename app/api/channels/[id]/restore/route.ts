// POST /api/channels/{id}/restore — bring an archived channel back (its scene, events and history were kept)
import { route } from "@/lib/http/route";
import { restoreChannel } from "@/lib/channels/update-channel";

export const POST = route<{ id: string }>(
  { role: "editor", account: { channelParam: "id" } },
  async (_request, { params }) => Response.json(await restoreChannel(params.id)),
);
