// GET /api/accounts/{id} — one account, secrets masked; PATCH — change its settings
import { route } from "@/lib/http/route";
import { getAccount, updateAccount } from "@/lib/accounts/manage-accounts";
import { accountUpdateSchema } from "@/lib/schemas/accounts";

export const GET = route<{ id: string }>({ role: "viewer", account: { param: "id" } }, async (_request, { params }) =>
  Response.json(await getAccount(params.id)),
);

export const PATCH = route<{ id: string }>({ role: "admin", account: { param: "id" } }, async (request, { params }) => {
  const input = accountUpdateSchema.parse(await request.json());
  return Response.json(await updateAccount(params.id, input));
});
