// GET /api/accounts — the official accounts; POST — connect one (secrets are write-only)
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { createAccount, listAccounts } from "@/lib/accounts/manage-accounts";
import { accountCreateSchema } from "@/lib/schemas/accounts";

export const GET = route({ role: "viewer", account: "none" }, async () =>
  Response.json({ items: await listAccounts() }),
);

export const POST = route({ role: "admin", account: "none" }, async (request) => {
  const input = accountCreateSchema.parse(await readJson(request));
  return Response.json(await createAccount(input), { status: 201 });
});
