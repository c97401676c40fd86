// Runs before every page and API answer except WeChat's webhook (its pushes are not a browser's,
// and it has a 5 s budget): a fresh CSP nonce per request, which Next puts on its own scripts,
// and HSTS when Qudao is served over https. Fixed headers come from next.config.js.
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { contentSecurityPolicy, strictTransportSecurity } from "@/lib/http/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const { isHttps } = getEnv();
  const policy = contentSecurityPolicy({ nonce, isDevelopment: process.env.NODE_ENV === "development", isHttps });

  // Next reads the nonce from the request's own CSP header while it renders the page.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  const hsts = strictTransportSecurity(isHttps);
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

export const config = {
  matcher: [
    // Everything but the webhook, the sandbox's WeChat API (called by servers) and build assets.
    "/((?!api/wechat/|sandbox/cgi-bin/|_next/static/|_next/image/|favicon.ico).*)",
  ],
};
