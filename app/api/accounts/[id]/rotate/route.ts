// POST /api/accounts/{id}/rotate — new Token / EncodingAESKey; the old pair stays accepted until the rotation ends
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { startRotation } from "@/lib/accounts/rotate-secrets";
import { accountRotateSchema } from "@/lib/schemas/accounts";

export const POST = route<{ id: string }>({ role: "admin", account: { param: "id" } }, async (request, { params }) => {
  const input = accountRotateSchema.parse(await readJson(request, { whenEmpty: {} }));
  return Response.json(await startRotation(params.id, input));
});
