// GET /api/invites — open and past invitations; POST — a one-time link valid 7 days (shown once)
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { createInvite, listInvites } from "@/lib/team/invites";
import { inviteCreateSchema } from "@/lib/schemas/team";

export const GET = route({ role: "admin", account: "none" }, async () => Response.json({ items: await listInvites() }));

export const POST = route({ role: "admin", account: "none" }, async (request, { actor }) => {
  const input = inviteCreateSchema.parse(await readJson(request));
  return Response.json(await createInvite(actor!, input), { status: 201 });
});
