// GET /api/people — everyone with access to this Qudao; POST — create someone with a temporary password
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { createPerson, listPeople } from "@/lib/team/people";
import { personCreateSchema } from "@/lib/schemas/team";

export const GET = route({ role: "admin", account: "none" }, async () => Response.json({ items: await listPeople() }));

export const POST = route({ role: "admin", account: "none" }, async (request, { actor }) => {
  const input = personCreateSchema.parse(await readJson(request));
  return Response.json(await createPerson(actor!, input), { status: 201 });
});
