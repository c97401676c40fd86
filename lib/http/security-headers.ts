// The headers that change per request or per deployment, set by proxy.ts (the fixed ones —
// nosniff, Referrer-Policy, X-Frame-Options — are in next.config.js, on every response). Pure,
// so the policy is tested without a server.

export interface PolicyOptions {
  nonce: string;
  /** next dev: React rebuilds server error stacks with eval; never in production. */
  isDevelopment: boolean;
  /** QUDAO_PUBLIC_URL is https: the browser upgrades any http subresource. */
  isHttps: boolean;
}

/**
 * Scripts only with this request's nonce ('strict-dynamic' lets Next's own loader add its
 * chunks). Styles allow inline attributes: React and Recharts write style="…", and a style
 * cannot run code. Images: the QR codes are blob: and data: URLs.
 */
export function contentSecurityPolicy({ nonce, isDevelopment, isHttps }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** HSTS for a year once the public address is https (never on plain http: browsers ignore it there). */
export function strictTransportSecurity(isHttps: boolean): string | null {
  return isHttps ? "max-age=31536000; includeSubDomains" : null;
}
