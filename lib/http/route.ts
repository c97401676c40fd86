// The wrapper every /api route goes through: authenticate, check the role, await the params,
// and turn whatever is thrown into the one error body. Roles are declared per route, so adding
// a role check never means editing the handlers.
import { authenticateRequest, type Actor } from "@/lib/auth/authenticate";
import { hasRole, type Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/http/errors";
import { responseForError } from "@/lib/http/error-response";

type RouteOptions = { auth: "public" } | { role: Role };

export interface RouteContext<Params> {
  params: Params;
  actor: Actor | null;
}

type NextRouteContext<Params> = { params: Promise<Params> };

export function route<Params = Record<string, never>>(
  options: RouteOptions,
  handler: (request: Request, context: RouteContext<Params>) => Promise<Response> | Response,
) {
  return async (request: Request, nextContext: NextRouteContext<Params>): Promise<Response> => {
    try {
      const params = (await nextContext?.params) ?? ({} as Params);
      if ("auth" in options) return await handler(request, { params, actor: null });
      const actor = await authenticateRequest(request);
      if (!actor) throw new AppError("unauthorized", "Sign in or send an API key");
      if (!hasRole(actor, options.role)) throw new AppError("forbidden", `This needs the ${options.role} role`);
      return await handler(request, { params, actor });
    } catch (error) {
      return responseForError(error);
    }
  };
}

/** Reads the query string into a plain object for a zod schema. */
export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
