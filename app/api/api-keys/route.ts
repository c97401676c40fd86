// GET /api/api-keys — the keys (never the keys themselves); POST — a new key, shown once
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { createApiKeyFor, listApiKeys } from "@/lib/team/api-key-admin";
import { apiKeyCreateSchema } from "@/lib/schemas/team";

export const GET = route({ role: "admin", account: "none" }, async () => Response.json({ items: await listApiKeys() }));

export const POST = route({ role: "admin", account: "none" }, async (request, { actor }) => {
  const input = apiKeyCreateSchema.parse(await readJson(request));
  return Response.json(await createApiKeyFor(actor!, input), { status: 201 });
});
