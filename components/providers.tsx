"use client";
// The browser-wide TanStack Query client. One per browser session (kept at module level), so a
// navigation or a Suspense retry never throws the cache away; a fresh one per server render, so
// no user's data leaks into another's.
import { isServer, MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { isApiError } from "@/lib/client/http";

function redirectToSignInOn401(error: unknown) {
  // The session expired or was revoked in another tab: the whole dashboard needs a new sign-in.
  if (isApiError(error) && error.isUnauthorized && !isServer && !window.location.pathname.startsWith("/sign-in")) {
    // A full navigation on purpose: the server gate re-runs and no signed-out state lingers.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/sign-in");
  }
}

function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: redirectToSignInOn401 }),
    mutationCache: new MutationCache({ onError: redirectToSignInOn401 }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // 4xx answers will not change on a retry; network blips and 5xx might.
        retry: (failureCount, error) =>
          isApiError(error) && error.status >= 400 && error.status < 500 ? false : failureCount < 2,
        refetchOnWindowFocus: true,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  if (isServer) return createQueryClient();
  browserQueryClient ??= createQueryClient();
  return browserQueryClient;
}

export function Providers({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
