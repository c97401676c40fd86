// POST /api/auth/sign-out — end this browser's session
import { route } from "@/lib/http/route";
import { readCookie } from "@/lib/auth/authenticate";
import { clearedSessionCookieHeader, deleteSession, sessionCookieName } from "@/lib/auth/sessions";

export const POST = route({ auth: "public", why: "ends the session named by the cookie, if any" }, async (request) => {
  const token = readCookie(request, sessionCookieName);
  if (token) await deleteSession(token);
  return new Response(null, { status: 204, headers: { "set-cookie": clearedSessionCookieHeader() } });
});
