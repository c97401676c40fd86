// The one error type of the app. Domain code throws AppError(code, message); lib/http/route.ts
// turns it into {"error":{"code","message","issues"?}} with the status from this table.

export const statusByErrorCode = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  upstream_error: 502,
  upstream_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof statusByErrorCode;

export interface ErrorIssue {
  path: (string | number)[];
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return statusByErrorCode[this.code];
  }
}

/** 429 with the seconds to wait, answered as Retry-After (lib/http/error-response.ts). */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("rate_limited", message);
    this.name = "RateLimitedError";
  }
}

export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} not found`);
}
