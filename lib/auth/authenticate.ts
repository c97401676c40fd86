// Who is calling: a signed-in browser (session cookie) or an integration (Bearer API key).
import type { Actor } from "@/lib/auth/actor";
import { findApiKeyActor } from "@/lib/auth/api-keys";
import { findSessionActor, sessionCookieName } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";

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

/**
 * The caller's address, or null when it cannot be known. X-Forwarded-For is trusted only as far
 * as QUDAO_TRUSTED_PROXIES says: with n proxies that each append the address they saw, the n-th
 * entry from the right is the one the outermost trusted proxy saw; whatever lies left of it the
 * caller wrote. With no trusted proxy the header is ignored: `next start` fills it from the socket
 * only when the caller sent none, so its value cannot be told apart from a forged one (a caller
 * rotating it would otherwise dodge the per-address sign-in throttle).
 */
export function clientIpOf(request: Request): string | null {
  const trustedProxies = getEnv().QUDAO_TRUSTED_PROXIES;
  if (trustedProxies === 0) return null;
  const hops = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return hops[hops.length - trustedProxies] ?? null;
}

export async function authenticateRequest(request: Request): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    return findApiKeyActor(authorization.slice(7).trim(), clientIpOf(request));
  }
  return findSessionActor(readCookie(request, sessionCookieName));
}
