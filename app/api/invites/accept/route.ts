// GET /api/invites/accept?token= — who the link is for; POST — choose a password, get signed in
import { route, searchParamsOf } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-body";
import { acceptInvite, describeInvite } from "@/lib/team/invites";
import { startSessionFor } from "@/lib/auth/sign-in";
import { inviteAcceptSchema, inviteLookupQuerySchema } from "@/lib/schemas/team";

export const GET = route({ auth: "public", why: "the invitation link itself is the credential" }, async (request) => {
  const { token } = inviteLookupQuerySchema.parse(searchParamsOf(request));
  return Response.json(await describeInvite(token));
});

export const POST = route(
  { auth: "public", why: "the invitation link itself is the credential", sameOrigin: true },
  async (request) => {
    const input = inviteAcceptSchema.parse(await readJson(request));
    const { userId, email } = await acceptInvite(input);
    const setCookie = await startSessionFor(userId, request);
    return Response.json({ id: userId, email }, { status: 201, headers: { "set-cookie": setCookie } });
  },
);
