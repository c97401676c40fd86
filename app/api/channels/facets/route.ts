// GET /api/channels/facets?accountId=… — the groups and tags in use, with counts, for the list's filters
import { route, searchParamsOf } from "@/lib/http/route";
import { getChannelFacets } from "@/lib/channels/channel-facets";
import { accountQuerySchema } from "@/lib/schemas/channels";

export const GET = route({ role: "viewer", account: "query" }, async (request) => {
  const { accountId } = accountQuerySchema.parse(searchParamsOf(request));
  return Response.json(await getChannelFacets(accountId));
});
