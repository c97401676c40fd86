// POST /api/auth/sign-in — email and password → session cookie
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { credentialsSchema } from "@/lib/schemas/auth";
import { signIn } from "@/lib/auth/sign-in";

export const POST = route({ auth: "public", why: "signing in", sameOrigin: true }, async (request) => {
  const { user, setCookie } = await signIn(credentialsSchema.parse(await readJson(request)), request);
  return Response.json(user, { headers: { "set-cookie": setCookie } });
});
