// GET /api/auth/me — who is signed in
import { route } from "@/lib/http/route";

export const GET = route({ role: "viewer", account: "none" }, async (_request, { actor }) =>
  Response.json({ id: actor?.id, label: actor?.label, role: actor?.role, kind: actor?.kind }),
);
