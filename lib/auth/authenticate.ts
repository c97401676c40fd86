// Who is calling: a signed-in browser (session cookie) or an integration (Bearer API key).
import { findApiKey } from "@/lib/auth/api-keys";
import { findSessionUser, sessionCookieName } from "@/lib/auth/sessions";

export interface Actor {
  kind: "user" | "apiKey";
  id: string;
  role: string;
  label: string;
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

export async function authenticateRequest(request: Request): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    const apiKey = await findApiKey(authorization.slice(7).trim());
    return apiKey ? { kind: "apiKey", id: apiKey.id, role: apiKey.role, label: apiKey.name } : null;
  }
  const user = await findSessionUser(readCookie(request, sessionCookieName));
  return user ? { kind: "user", id: user.id, role: user.role, label: user.email } : null;
}
