// GET /api/audit?actorId&action&objectType&objectId&accountId&from&to&before&limit — the audit log, newest first
import { route, searchParamsOf } from "@/lib/http/route";
import { listAudit } from "@/lib/audit/list-audit";
import { auditQuerySchema } from "@/lib/schemas/team";

export const GET = route({ role: "admin", account: "none" }, async (request) =>
  Response.json(await listAudit(auditQuerySchema.parse(searchParamsOf(request)))),
);
