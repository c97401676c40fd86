// A dashboard page's first queries answered on the server, as the signed-in viewer, and handed to
// TanStack Query in the browser (HydrationBoundary): the page's first HTML carries its numbers
// instead of skeletons that fill in a second later. The same domain functions and schemas as the
// API routes, under the same account scope, so the answers are the ones the browser would fetch.
import { cookies } from "next/headers";
import { dehydrate, QueryClient, type DehydratedState } from "@tanstack/react-query";
import { findSessionActor, sessionCookieName } from "@/lib/auth/sessions";
import { withActorScope } from "@/lib/auth/account-scope";
import { log } from "@/lib/log";

export async function prefetchAsViewer(work: (queryClient: QueryClient) => Promise<void>): Promise<DehydratedState> {
  const queryClient = new QueryClient();
  const actor = await findSessionActor((await cookies()).get(sessionCookieName)?.value);
  if (actor) {
    try {
      await withActorScope(actor, "viewer", null, () => work(queryClient));
    } catch (error) {
      // Nothing is lost: the browser asks the API for whatever is missing.
      log.warn({ err: error }, "prefetch failed");
    }
  }
  return dehydrate(queryClient);
}

/** An answer as the browser reads it from the API: JSON, so dates are ISO strings. */
export function asJson<Value>(value: Value): Value {
  return JSON.parse(JSON.stringify(value)) as Value;
}

/** A page's searchParams prop as the URLSearchParams the browser's hooks read (first value of each). */
export function searchParamsFrom(values: Record<string, string | string[] | undefined>): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) query.set(key, first);
  }
  return query;
}
