// The wrapper every /api route goes through: authenticate, check the role and the account, await
// the params, and turn whatever is thrown into the one error body. Each route declares its rule —
// the least role it needs and where its account comes from — so access is decided here, once,
// and a route without a rule does not compile (tests/integration/route-permissions.test.ts walks
// them all).
import { recordRequestAudit } from "@/lib/audit/request-audit";
import { assertAccountAccess, wasAudited, withActorScope } from "@/lib/auth/account-scope";
import { authenticateRequest, clientIpOf, type Actor } from "@/lib/auth/authenticate";
import { atLeast, type Role } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { assertSameOriginRequest } from "@/lib/http/cross-site";
import { AppError, notFound } from "@/lib/http/errors";
import { responseForError } from "@/lib/http/error-response";
import { limitRequestBody } from "@/lib/http/read-body";
import { isSandboxEnabled } from "@/lib/sandbox/sandbox-mode";

/**
 * Where a route's account comes from, checked before the handler runs:
 * - "query": `?accountId=`; "body": the JSON (or form) body's `accountId`;
 * - `{ param }`: a path segment that is an account id; `{ channelParam }`: a channel id whose
 *   account is checked;
 * - "none": not about one account (the team's own pages, or lists that keep to the caller's
 *   accounts through lib/auth/account-scope.ts).
 * Domain reads (findAccountRow, account lists) check the same scope again.
 */
export type AccountRule = "none" | "query" | "body" | { param: string } | { channelParam: string };

/**
 * `maxBodyBytes`: the largest body the route reads (defaultMaxBodyBytes unless it needs more).
 * `acceptsFiles`: the route takes an upload, so a cookie-authenticated call may send multipart.
 * `sameOrigin` (public routes): only Qudao's own pages may call it — sign-in, first run and
 * sign-out, so another site cannot sign a browser in to an account of its choosing (login CSRF).
 * Every cookie-authenticated change is checked the same way (lib/http/cross-site.ts).
 * `isSandbox`: part of the built-in emulator; answers 404 when QUDAO_SANDBOX is off.
 */
export type RouteRule = (
  { auth: "public"; why: string; sameOrigin?: boolean } | { role: Role; account: AccountRule; acceptsFiles?: boolean }
) & {
  maxBodyBytes?: number;
  isSandbox?: true;
};

/**
 * Every JSON body Qudao takes fits in this (well under the 1 MB the security review allows); a route
 * that needs more says so in its rule. Past it: 413, whether declared or streamed.
 */
export const defaultMaxBodyBytes = 256 * 1024;

export interface RouteContext<Params> {
  params: Params;
  actor: Actor | null;
}

type NextRouteContext<Params> = { params: Promise<Params> };

export type RouteHandler<Params> = ((request: Request, nextContext: NextRouteContext<Params>) => Promise<Response>) & {
  rule: RouteRule;
};

export function route<Params = Record<string, never>>(
  rule: RouteRule,
  handler: (request: Request, context: RouteContext<Params>) => Promise<Response> | Response,
): RouteHandler<Params> {
  const wrapped = async (incoming: Request, nextContext: NextRouteContext<Params>): Promise<Response> => {
    try {
      if (rule.isSandbox && !isSandboxEnabled()) throw notFound("Route");
      const params = (await nextContext?.params) ?? ({} as Params);
      // Declared and streamed: a 20 MB "sign-in" is refused before it is read, let alone parsed.
      const request = limitRequestBody(incoming, rule.maxBodyBytes ?? defaultMaxBodyBytes);
      if ("auth" in rule) {
        if (rule.sameOrigin && isMutation(request)) assertSameOriginRequest(request);
        return await handler(request, { params, actor: null });
      }
      const actor = await authenticateRequest(request);
      if (!actor) throw new AppError("unauthorized", "Sign in or send an API key");
      if (actor.kind === "user" && isMutation(request)) assertSameOriginRequest(request, rule);
      if (!atLeast(actor.role, rule.role)) throw new AppError("forbidden", `This needs the ${rule.role} role`);
      return await withActorScope(actor, rule.role, clientIpOf(request), async () => {
        const accountId = await checkAccountOf(request, rule.account, params as Record<string, string>);
        const response = await handler(request, { params, actor });
        if (isMutation(request) && response.ok && !wasAudited()) await recordRequestAudit(request, accountId);
        return response;
      });
    } catch (error) {
      return responseForError(error);
    }
  };
  return Object.assign(wrapped, { rule });
}

/** Checks the route's account and returns its id (null when the route is not about one). */
async function checkAccountOf(
  request: Request,
  rule: AccountRule,
  params: Record<string, string>,
): Promise<string | null> {
  if (rule === "none") return null;
  if (rule === "query" || rule === "body") {
    const accountId =
      rule === "query" ? new URL(request.url).searchParams.get("accountId") : await accountIdInBody(request);
    if (accountId) assertAccountAccess(accountId);
    return accountId;
  }
  if ("param" in rule) {
    const accountId = params[rule.param] ?? "";
    assertAccountAccess(accountId);
    return accountId;
  }
  const channel = await getDb().channel.findUnique({
    where: { id: params[rule.channelParam] ?? "" },
    select: { accountId: true },
  });
  if (!channel) throw notFound("Channel");
  try {
    assertAccountAccess(channel.accountId);
  } catch (error) {
    // Someone else's channel must look exactly like one that does not exist.
    if (error instanceof AppError && error.code === "not_found") throw notFound("Channel");
    throw error;
  }
  return channel.accountId;
}

/** Reads `accountId` from a copy of the body; a body that is not JSON or a form is left to the handler. */
async function accountIdInBody(request: Request): Promise<string | null> {
  const contentType = request.headers.get("content-type") ?? "";
  try {
    if (contentType.includes("multipart/form-data") || contentType.includes("application/x-www-form-urlencoded")) {
      const value = (await request.clone().formData()).get("accountId");
      return typeof value === "string" ? value : null;
    }
    const body: unknown = await request.clone().json();
    if (body && typeof body === "object" && "accountId" in body && typeof body.accountId === "string") {
      return body.accountId;
    }
  } catch (error) {
    if (error instanceof AppError) throw error; // 413: the body is over the route's limit
    return null;
  }
  return null;
}

function isMutation(request: Request): boolean {
  return request.method !== "GET" && request.method !== "HEAD";
}

/** Reads the query string into a plain object for a zod schema. */
export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
