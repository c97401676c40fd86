// GET /api/sandbox/jobs?accountId= — the work done after pushes (auto-tagging), newest first, with errors
import { route, searchParamsOf } from "@/lib/http/route";
import { listAccountJobs } from "@/lib/jobs/list-jobs";
import { sandboxPushListQuerySchema } from "@/lib/schemas/sandbox";

export const GET = route({ role: "viewer", account: "query", isSandbox: true }, async (request) => {
  const { accountId, limit } = sandboxPushListQuerySchema.parse(searchParamsOf(request));
  return Response.json({ items: await listAccountJobs(accountId, limit) });
});
