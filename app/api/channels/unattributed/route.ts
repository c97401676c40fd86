// GET /api/channels/unattributed?accountId=… — scenes seen in pushes that no channel owns, with counts and when last seen
import { route, searchParamsOf } from "@/lib/http/route";
import { listUnattributedScenes } from "@/lib/channels/unattributed-scenes";
import { accountQuerySchema } from "@/lib/schemas/channels";

export const GET = route({ role: "viewer", account: "query" }, async (request) => {
  const { accountId } = accountQuerySchema.parse(searchParamsOf(request));
  return Response.json({ items: await listUnattributedScenes(accountId) });
});
