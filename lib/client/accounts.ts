// Official accounts: the list (account switcher, accounts page), one account's health (polled by
// the connect wizard while it waits for WeChat), and the admin's changes.
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  accountListSchema,
  accountSchema,
  accountWithSecretsSchema,
  credentialTestResultSchema,
  sandboxVerificationResultSchema,
  type Account,
  type AccountCreateInput,
  type AccountRotateInput,
  type AccountUpdateInput,
  type CredentialTestInput,
} from "@/lib/schemas/accounts";
import { fetchJson, jsonRequest } from "@/lib/client/http";

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

/** The accounts page wants fresh health (last push, last error) each time it is opened. */
export function useAccountsWithHealth() {
  return useQuery({ ...accountListQuery(), staleTime: 0, refetchInterval: 30_000 });
}

/** One account, refetched every `pollMs` while `pollWhile` holds (waiting for WeChat's verification or first push). */
export function useAccount(id: string | null, options: { pollMs: number; pollWhile: (account?: Account) => boolean }) {
  return useQuery({
    queryKey: accountKeys.detail(id ?? ""),
    queryFn: () => fetchJson(`/api/accounts/${encodeURIComponent(id!)}`, accountSchema),
    enabled: id !== null,
    refetchInterval: (query) => (options.pollWhile(query.state.data) ? options.pollMs : false),
  });
}

export function useTestCredentials() {
  return useMutation({
    mutationFn: (input: CredentialTestInput) =>
      fetchJson("/api/accounts/test-credentials", credentialTestResultSchema, jsonRequest("POST", input)),
  });
}

const sandboxAppSchema = z.object({ appId: z.string(), appSecret: z.string(), apiBaseUrl: z.string() });

export function useCreateSandboxApp() {
  return useMutation({
    mutationFn: () => fetchJson("/api/accounts/sandbox-app", sandboxAppSchema, jsonRequest("POST")),
  });
}

/** Refetches the account list (its health) — e.g. when the wizard sees WeChat's verification arrive. */
export function useRefreshAccountList() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: accountKeys.list() });
}

function useInvalidateAccounts() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: accountKeys.all });
}

export function useCreateAccount() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (input: AccountCreateInput) =>
      fetchJson("/api/accounts", accountWithSecretsSchema, jsonRequest("POST", input)),
    onSuccess: invalidate,
  });
}

export function useUpdateAccount() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: AccountUpdateInput }) =>
      fetchJson(`/api/accounts/${encodeURIComponent(id)}`, accountSchema, jsonRequest("PATCH", input)),
    onSuccess: invalidate,
  });
}

export function useDeleteAccount() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ id, confirmName }: { id: string; confirmName: string }) =>
      fetchJson(
        `/api/accounts/${encodeURIComponent(id)}`,
        z.object({ deletedEvents: z.number() }),
        jsonRequest("DELETE", { confirmName }),
      ),
    onSuccess: invalidate,
  });
}

export function useStartRotation() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: AccountRotateInput }) =>
      fetchJson(`/api/accounts/${encodeURIComponent(id)}/rotate`, accountWithSecretsSchema, jsonRequest("POST", input)),
    onSuccess: invalidate,
  });
}

export function useEndRotation() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson(`/api/accounts/${encodeURIComponent(id)}/rotate/end`, accountSchema, jsonRequest("POST")),
    onSuccess: invalidate,
  });
}

/** The emulator verifies the server URL as WeChat does when "提交" is pressed (sandbox-backed accounts). */
export function useSandboxVerification() {
  const invalidate = useInvalidateAccounts();
  return useMutation({
    mutationFn: (id: string) =>
      fetchJson(
        `/api/accounts/${encodeURIComponent(id)}/sandbox-verification`,
        sandboxVerificationResultSchema,
        jsonRequest("POST"),
      ),
    onSuccess: invalidate,
  });
}
