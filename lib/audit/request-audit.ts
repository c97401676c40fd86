// The audit row for a mutation whose handler did not write a more specific one: the method and
// path name the action and object. So no change made through the API goes unrecorded, even in a
// route added without thinking of the log.
import { recordAudit } from "@/lib/audit/audit-log";

export async function recordRequestAudit(request: Request, accountId: string | null): Promise<void> {
  const segments = new URL(request.url).pathname.replace(/^\/api\//, "").split("/");
  await recordAudit({
    action: `${request.method.toLowerCase()} /api/${segments.join("/")}`,
    objectType: segments[0] ?? null,
    objectId: segments[1] ?? null,
    accountId,
  });
}
