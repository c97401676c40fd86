// The sandbox console: what the emulator pushed (and the replies), the faults injected into
// it, and the work done after pushes. Lists refresh on their own, so a scan made in another tab
// (or by a test) shows up without a reload.
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  backgroundJobListSchema,
  sandboxFaultListSchema,
  sandboxFaultSchema,
  sandboxPushListSchema,
  type SandboxFaultCreateInput,
} from "@/lib/schemas/sandbox";
import { fetchJson, jsonRequest, queryString } from "@/lib/client/http";

const refreshMs = 3_000;
const listLimit = 50;

export const sandboxConsoleKeys = {
  all: ["sandbox-console"] as const,
  pushes: (accountId: string) => [...sandboxConsoleKeys.all, "pushes", accountId] as const,
  faults: (accountId: string) => [...sandboxConsoleKeys.all, "faults", accountId] as const,
  jobs: (accountId: string) => [...sandboxConsoleKeys.all, "jobs", accountId] as const,
};

export function sandboxPushesQuery(accountId: string) {
  return queryOptions({
    queryKey: sandboxConsoleKeys.pushes(accountId),
    queryFn: () =>
      fetchJson(`/api/sandbox/pushes${queryString({ accountId, limit: listLimit })}`, sandboxPushListSchema),
    refetchInterval: refreshMs,
  });
}

export function sandboxFaultsQuery(accountId: string) {
  return queryOptions({
    queryKey: sandboxConsoleKeys.faults(accountId),
    queryFn: () => fetchJson(`/api/sandbox/faults${queryString({ accountId })}`, sandboxFaultListSchema),
    refetchInterval: refreshMs,
  });
}

export function backgroundJobsQuery(accountId: string) {
  return queryOptions({
    queryKey: sandboxConsoleKeys.jobs(accountId),
    queryFn: () =>
      fetchJson(`/api/sandbox/jobs${queryString({ accountId, limit: listLimit })}`, backgroundJobListSchema),
    refetchInterval: refreshMs,
  });
}

export function useSandboxPushes(accountId: string) {
  return useQuery(sandboxPushesQuery(accountId));
}

/** Faults exist only for sandbox accounts: `isEnabled` is false for a real one. */
export function useSandboxFaults(accountId: string, isEnabled = true) {
  return useQuery({ ...sandboxFaultsQuery(accountId), enabled: isEnabled });
}

export function useBackgroundJobs(accountId: string) {
  return useQuery(backgroundJobsQuery(accountId));
}

export function useAddSandboxFault() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SandboxFaultCreateInput) =>
      fetchJson("/api/sandbox/faults", sandboxFaultSchema, jsonRequest("POST", input)),
    onSuccess: (_fault, input) =>
      input.accountId && queryClient.invalidateQueries({ queryKey: sandboxConsoleKeys.faults(input.accountId) }),
  });
}

/** Clears one fault (`id`) or all of the account's. */
export function useClearSandboxFaults() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { accountId: string; id?: number }) =>
      fetchJson(`/api/sandbox/faults${queryString(input)}`, z.object({ cleared: z.number() }), jsonRequest("DELETE")),
    onSuccess: (_result, input) =>
      queryClient.invalidateQueries({ queryKey: sandboxConsoleKeys.faults(input.accountId) }),
  });
}
