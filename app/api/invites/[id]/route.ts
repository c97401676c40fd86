// DELETE /api/invites/{id} — revoke an invitation that has not been used
import { route } from "@/lib/http/route";
import { revokeInvite } from "@/lib/team/invites";

export const DELETE = route<{ id: string }>({ role: "admin", account: "none" }, async (_request, { params }) => {
  await revokeInvite(params.id);
  return new Response(null, { status: 204 });
});
