// GET /api/channels/quota?accountId=… — permanent codes used of WeChat's 100 000
import { route, searchParamsOf } from "@/lib/http/route";
import { getPermanentQuota } from "@/lib/channels/permanent-quota";
import { accountQuerySchema } from "@/lib/schemas/channels";

export const GET = route({ role: "viewer", account: "query" }, async (request) => {
  const { accountId } = accountQuerySchema.parse(searchParamsOf(request));
  return Response.json(await getPermanentQuota(accountId));
});
