// GET /api/channels/{id} — one channel; PATCH — edit it (never its scene); DELETE — archive it
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { getChannel } from "@/lib/channels/read-channels";
import { archiveChannel, updateChannel } from "@/lib/channels/update-channel";
import { channelUpdateSchema } from "@/lib/schemas/channels";

type Params = { id: string };

export const GET = route<Params>({ role: "viewer", account: { channelParam: "id" } }, async (_request, { params }) =>
  Response.json(await getChannel(params.id)),
);

export const PATCH = route<Params>({ role: "editor", account: { channelParam: "id" } }, async (request, { params }) => {
  const input = channelUpdateSchema.parse(await readJson(request));
  return Response.json(await updateChannel(params.id, input));
});

export const DELETE = route<Params>({ role: "editor", account: { channelParam: "id" } }, async (_request, { params }) =>
  Response.json(await archiveChannel(params.id)),
);
