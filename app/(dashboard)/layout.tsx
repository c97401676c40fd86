// The signed-in area. The gate runs on the server so a signed-out visitor never sees a flash of
// the dashboard: a fresh install goes to the first-run setup, everyone else to sign-in.
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { currentViewer } from "@/lib/auth/current-viewer";
import { hasAnyUser } from "@/lib/auth/users";
import { isSandboxEnabled } from "@/lib/sandbox/sandbox-mode";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  if (!(await hasAnyUser())) redirect("/setup");
  const viewer = await currentViewer();
  if (!viewer) redirect("/sign-in");
  return (
    <AppShell viewer={viewer} isSandboxEnabled={isSandboxEnabled()}>
      {children}
    </AppShell>
  );
}
