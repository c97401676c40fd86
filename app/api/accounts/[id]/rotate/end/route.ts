// POST /api/accounts/{id}/rotate/end — stop accepting the Token / EncodingAESKey from before the rotation
import { route } from "@/lib/http/route";
import { endRotation } from "@/lib/accounts/rotate-secrets";

export const POST = route<{ id: string }>({ role: "admin", account: { param: "id" } }, async (_request, { params }) =>
  Response.json(await endRotation(params.id)),
);
