// GET /api/channels — list an account's channels with counts; POST — create a channel and its QR ticket
import { route, searchParamsOf } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { createChannel } from "@/lib/channels/create-channel";
import { listChannels } from "@/lib/channels/read-channels";
import { channelCreateSchema, channelListQuerySchema } from "@/lib/schemas/channels";

export const GET = route({ role: "viewer", account: "query" }, async (request) => {
  const query = channelListQuerySchema.parse(searchParamsOf(request));
  return Response.json(await listChannels(query));
});

export const POST = route({ role: "editor", account: "body" }, async (request) => {
  const input = channelCreateSchema.parse(await readJson(request));
  return Response.json(await createChannel(input), { status: 201 });
});
