// PATCH /api/people/{id} — name, role and accounts, disable/enable; DELETE — remove them
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { removePerson, updatePerson } from "@/lib/team/people";
import { personUpdateSchema } from "@/lib/schemas/team";

type Params = { id: string };

export const PATCH = route<Params>({ role: "admin", account: "none" }, async (request, { params, actor }) => {
  const input = personUpdateSchema.parse(await readJson(request));
  return Response.json(await updatePerson(actor!, params.id, input));
});

export const DELETE = route<Params>({ role: "admin", account: "none" }, async (_request, { params, actor }) => {
  await removePerson(actor!, params.id);
  return new Response(null, { status: 204 });
});
