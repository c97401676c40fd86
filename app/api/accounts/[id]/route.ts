// GET /api/accounts/{id} — one account with its health, secrets masked; PATCH — change its settings
// (or disable it); DELETE — delete it with its channels and data, after its name is typed again
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { getAccount, updateAccount } from "@/lib/accounts/manage-accounts";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { accountDeleteSchema, accountUpdateSchema } from "@/lib/schemas/accounts";

type Params = { id: string };

export const GET = route<Params>({ role: "viewer", account: { param: "id" } }, async (_request, { params }) =>
  Response.json(await getAccount(params.id)),
);

export const PATCH = route<Params>({ role: "admin", account: { param: "id" } }, async (request, { params }) => {
  const input = accountUpdateSchema.parse(await readJson(request));
  return Response.json(await updateAccount(params.id, input));
});

export const DELETE = route<Params>({ role: "admin", account: { param: "id" } }, async (request, { params }) => {
  const input = accountDeleteSchema.parse(await readJson(request));
  return Response.json(await deleteAccount(params.id, input));
});
