// Cross-site request forgery: a browser sends Qudao's session cookie with any request another site
// makes it send (SameSite=Lax still lets some through, and a same-site sibling is not the same
// origin). So a change made with a cookie must come from Qudao's own pages: the browser says so
// in `Origin` (or `Sec-Fetch-Site: same-origin`), and the body is JSON — a type no cross-site
// form can send and no cross-site fetch can send without a CORS preflight Qudao never grants.
// API keys are not sent by browsers on their own, so Bearer requests are not checked here.
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/http/errors";

export interface CrossSiteRule {
  /** The route takes an upload: multipart/form-data is accepted besides JSON. */
  acceptsFiles?: boolean;
}

/** Throws 403 unless the request comes from Qudao's own origin with a body type a form cannot send. */
export function assertSameOriginRequest(request: Request, rule: CrossSiteRule = {}): void {
  if (!isSameOrigin(request)) {
    throw new AppError("forbidden", "This request must come from Qudao's own pages (Origin is missing or foreign)");
  }
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const accepted = rule.acceptsFiles ? ["application/json", "multipart/form-data"] : ["application/json"];
  if (!accepted.includes(mediaType)) {
    throw new AppError("forbidden", `This request must be sent as ${accepted.join(" or ")}`);
  }
}

export function isSameOrigin(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite === "same-origin") return true;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  return ownOriginsOf(request).includes(origin.toLowerCase());
}

/** The request's own origin (its scheme and Host header) and QUDAO_PUBLIC_URL's, when set. */
export function ownOriginsOf(request: Request): string[] {
  const url = new URL(request.url);
  const host = request.headers.get("host") ?? url.host;
  const origins = [`${url.protocol}//${host}`.toLowerCase()];
  const publicUrl = getEnv().QUDAO_PUBLIC_URL;
  if (publicUrl) origins.push(new URL(publicUrl).origin.toLowerCase());
  return origins;
}
