"use client";
// The account being looked at lives in the URL (?account=…) so a view can be shared; without
// it, the first account (on a fresh install: the sandbox) is shown.
import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { useAccounts } from "@/lib/client/accounts";

export const accountParam = "account";

export function useSelectedAccount() {
  const searchParams = useSearchParams();
  const requestedId = searchParams.get(accountParam);
  const query = useAccounts();
  const accounts = query.data?.items ?? [];
  const account = accounts.find((candidate) => candidate.id === requestedId) ?? accounts[0] ?? null;
  return { account, accounts, isPending: query.isPending, error: query.error, refetch: query.refetch };
}

/** Appends the current ?account= to an in-app path, so links keep the selected account. */
export function useHrefWithAccount(): (path: string) => string {
  const requestedId = useSearchParams().get(accountParam);
  return useCallback(
    (path: string) =>
      requestedId ? `${path}${path.includes("?") ? "&" : "?"}${accountParam}=${encodeURIComponent(requestedId)}` : path,
    [requestedId],
  );
}
