// GET /api/sandbox/pushes?accountId= — what the emulator pushed to the webhook and the replies, newest first
import { route, searchParamsOf } from "@/lib/http/route";
import { listSandboxPushes } from "@/lib/sandbox/push-log";
import { sandboxPushListQuerySchema } from "@/lib/schemas/sandbox";

export const GET = route({ role: "viewer", account: "query", isSandbox: true }, async (request) => {
  const { accountId, limit } = sandboxPushListQuerySchema.parse(searchParamsOf(request));
  return Response.json({ items: await listSandboxPushes(accountId, limit) });
});
