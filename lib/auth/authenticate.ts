// Who is calling: a signed-in browser (session cookie) or an integration (Bearer API key).
import type { Actor } from "@/lib/auth/actor";
import { findApiKeyActor } from "@/lib/auth/api-keys";
import { findSessionActor, sessionCookieName } from "@/lib/auth/sessions";

export type { Actor } from "@/lib/auth/actor";

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

/** The caller's address as the reverse proxy in front of Qudao reports it (first hop). */
export function clientIpOf(request: Request): string | null {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || null;
}

export async function authenticateRequest(request: Request): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    return findApiKeyActor(authorization.slice(7).trim(), clientIpOf(request));
  }
  return findSessionActor(readCookie(request, sessionCookieName));
}
