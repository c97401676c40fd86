// Sign-in, first-run setup and sign-out. Success swaps the session cookie, so every cached
// query belonged to someone else: sign-in and sign-out clear the whole cache.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { currentUserSchema, type Credentials, type SetupInput } from "@/lib/schemas/auth";
import { fetchJson, jsonRequest } from "@/lib/client/http";

export function useSetupFirstAdmin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetupInput) => fetchJson("/api/auth/setup", currentUserSchema, jsonRequest("POST", input)),
    onSuccess: () => queryClient.clear(),
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      fetchJson("/api/auth/sign-in", currentUserSchema, jsonRequest("POST", credentials)),
    onSuccess: () => queryClient.clear(),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson("/api/auth/sign-out", z.undefined(), jsonRequest("POST")),
    onSettled: () => queryClient.clear(),
  });
}
