// GET /api/auth/me — who is calling, with their role and accounts
import { route } from "@/lib/http/route";

export const GET = route({ role: "viewer", account: "none" }, async (_request, { actor }) =>
  Response.json({
    id: actor!.id,
    kind: actor!.kind,
    label: actor!.label,
    role: actor!.role,
    allAccounts: actor!.allAccounts,
    grants: actor!.grants,
  }),
);
