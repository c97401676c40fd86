// POST /api/auth/sign-out — end this browser's session
import { route } from "@/lib/http/route";
import { recordAudit } from "@/lib/audit/audit-log";
import { clientIpOf, readCookie } from "@/lib/auth/authenticate";
import { clearedSessionCookieHeader, deleteSession, findSessionActor, sessionCookieName } from "@/lib/auth/sessions";

export const POST = route(
  { auth: "public", why: "ends the session named by the cookie, if any", sameOrigin: true },
  async (request) => {
    const token = readCookie(request, sessionCookieName);
    const actor = await findSessionActor(token);
    if (token) await deleteSession(token);
    if (actor) {
      await recordAudit({
        action: "auth.sign_out",
        objectType: "session",
        objectId: actor.sessionId,
        actorOverride: { kind: "user", id: actor.id, label: actor.label },
        ip: clientIpOf(request),
      });
    }
    return new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookieHeader() } });
  },
);
