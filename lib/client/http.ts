// The one way the browser talks to /api: every response is parsed with its zod schema, and every
// failure becomes an ApiError carrying the server's code, so callers branch on codes, not text.
import type { z } from "zod";
import { errorBodySchema } from "@/lib/schemas/common";

export interface ApiIssue {
  path: (string | number)[];
  message: string;
}

/** Codes the client adds for failures that never reached a well-formed error body. */
export type ClientErrorCode = "network_error" | "invalid_response";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  /** The first issue message for a field, for showing next to that field. */
  issueFor(field: string): string | undefined {
    return this.issues.find((issue) => issue.path.map(String).join(".") === field)?.message;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/**
 * A JSON request init: method, body and content type in one place. The content type is sent even
 * without a body: the server takes a cookie-authenticated change only as JSON (lib/http/cross-site.ts).
 */
export function jsonRequest(method: "POST" | "PATCH" | "PUT" | "DELETE", body?: unknown): RequestInit {
  return {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

/**
 * Fetches `url` and parses the JSON body with `schema`. A 204 is parsed as `undefined`, so
 * endpoints without a body use `z.undefined()`.
 */
export async function fetchJson<Schema extends z.ZodType>(
  url: string,
  schema: Schema,
  init?: RequestInit,
): Promise<z.output<Schema>> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: "same-origin",
      ...init,
      headers: { accept: "application/json", ...init?.headers },
    });
  } catch (cause) {
    throw new ApiError(
      0,
      "network_error" satisfies ClientErrorCode,
      cause instanceof Error ? cause.message : "Network error",
    );
  }
  const body = response.status === 204 ? undefined : await readJson(response);
  if (!response.ok) throw errorFromBody(response.status, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // A response that does not match the contract is a bug on one side: say where, loudly.
    console.error(`Unexpected response from ${url}`, parsed.error.issues);
    throw new ApiError(
      response.status,
      "invalid_response" satisfies ClientErrorCode,
      `Unexpected response from ${url}`,
    );
  }
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The ApiError of a failed response that was not read as JSON (a download). */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  return errorFromBody(response.status, await readJson(response));
}

function errorFromBody(status: number, body: unknown): ApiError {
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, issues } = parsed.data.error;
    return new ApiError(status, code, message, issues);
  }
  return new ApiError(status, status === 401 ? "unauthorized" : "internal", `HTTP ${status}`);
}

/** Builds a query string, leaving out empty values so cache keys and URLs stay minimal. */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
