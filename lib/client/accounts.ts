// Official accounts: the dashboard lists them for the account switcher.
import { queryOptions, useQuery } from "@tanstack/react-query";
import { accountListSchema } from "@/lib/schemas/accounts";
import { fetchJson } from "@/lib/client/http";

export const accountKeys = {
  all: ["accounts"] as const,
  list: () => [...accountKeys.all, "list"] as const,
  detail: (id: string) => [...accountKeys.all, "detail", id] as const,
};

export function accountListQuery() {
  return queryOptions({
    queryKey: accountKeys.list(),
    queryFn: () => fetchJson("/api/accounts", accountListSchema),
    // Accounts change rarely; the switcher should not refetch on every page.
    staleTime: 5 * 60_000,
  });
}

export function useAccounts() {
  return useQuery(accountListQuery());
}
