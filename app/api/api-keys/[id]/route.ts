// DELETE /api/api-keys/{id} — revoke a key; it stops working at once
import { route } from "@/lib/http/route";
import { revokeApiKey } from "@/lib/team/api-key-admin";

export const DELETE = route<{ id: string }>({ role: "admin", account: "none" }, async (_request, { params }) => {
  await revokeApiKey(params.id);
  return new Response(null, { status: 204 });
});
