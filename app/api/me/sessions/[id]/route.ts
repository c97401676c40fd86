// DELETE /api/me/sessions/{id} — end one of my sessions
import { route } from "@/lib/http/route";
import { endOwnSession } from "@/lib/team/own-account";

export const DELETE = route<{ id: string }>(
  { role: "viewer", account: "none" },
  async (_request, { params, actor }) => {
    await endOwnSession(actor!, params.id);
    return new Response(null, { status: 204 });
  },
);
