// The built-in WeChat emulator: make it push a scan or an unfollow to this account's webhook.
// A push changes counts everywhere, so it invalidates stats, channels and events together.
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { sandboxPushResultSchema, type SandboxScanInput, type SandboxUnfollowInput } from "@/lib/schemas/sandbox";
import { fetchJson, jsonRequest } from "@/lib/client/http";
import { channelKeys } from "@/lib/client/channels";
import { eventKeys } from "@/lib/client/events";
import { statsKeys } from "@/lib/client/stats";

function invalidateAfterPush(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: statsKeys.all }),
    queryClient.invalidateQueries({ queryKey: channelKeys.all }),
    queryClient.invalidateQueries({ queryKey: eventKeys.all }),
  ]);
}

export function useSimulateScan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SandboxScanInput) =>
      fetchJson("/api/sandbox/scan", sandboxPushResultSchema, jsonRequest("POST", input)),
    onSuccess: () => invalidateAfterPush(queryClient),
  });
}

export function useSimulateUnfollow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SandboxUnfollowInput) =>
      fetchJson("/api/sandbox/unfollow", sandboxPushResultSchema, jsonRequest("POST", input)),
    onSuccess: () => invalidateAfterPush(queryClient),
  });
}
