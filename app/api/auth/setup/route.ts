// POST /api/auth/setup — first run: create the owner and sign them in
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { credentialsSchema } from "@/lib/schemas/auth";
import { setUpFirstOwner } from "@/lib/auth/sign-in";

export const POST = route(
  { auth: "public", why: "first run: creates the owner, refused once any user exists" },
  async (request) => {
    const { user, setCookie } = await setUpFirstOwner(credentialsSchema.parse(await readJson(request)), request);
    return Response.json(user, { status: 201, headers: { "set-cookie": setCookie } });
  },
);
