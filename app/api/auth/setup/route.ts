// POST /api/auth/setup — first run: with the setup link's token, create the owner and sign them in
import { route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { setupSchema } from "@/lib/schemas/auth";
import { setUpFirstOwner } from "@/lib/auth/sign-in";

export const POST = route(
  { auth: "public", why: "first run: needs the setup token, refused once any user exists", sameOrigin: true },
  async (request) => {
    const { user, setCookie } = await setUpFirstOwner(setupSchema.parse(await readJson(request)), request);
    return Response.json(user, { status: 201, headers: { "set-cookie": setCookie } });
  },
);
