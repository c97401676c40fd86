// POST /api/accounts/test-credentials — try an AppID + AppSecret against WeChat before connecting
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { testCredentials } from "@/lib/accounts/test-credentials";
import { credentialTestSchema } from "@/lib/schemas/accounts";

export const POST = route({ role: "admin", account: "none" }, async (request) =>
  Response.json(await testCredentials(credentialTestSchema.parse(await readJson(request)))),
);
