// GET /api/audit/export?… — the same filters as /api/audit, every matching row as CSV
import { route, searchParamsOf } from "@/lib/http/route";
import { auditCsvResponse } from "@/lib/audit/audit-csv";
import { auditQuerySchema } from "@/lib/schemas/team";

export const GET = route({ role: "admin", account: "none" }, async (request) =>
  auditCsvResponse(auditQuerySchema.parse(searchParamsOf(request)), request.signal),
);
