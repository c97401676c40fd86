// The signed-in area. The gate runs on the server so a signed-out visitor never sees a flash of
// the dashboard: a fresh install goes to the first-run setup, everyone else to sign-in.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { findSessionUser, sessionCookieName } from "@/lib/auth/sessions";
import { hasAnyUser } from "@/lib/auth/users";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  if (!(await hasAnyUser())) redirect("/setup");
  const user = await findSessionUser((await cookies()).get(sessionCookieName)?.value);
  if (!user) redirect("/sign-in");
  return <AppShell userEmail={user.email}>{children}</AppShell>;
}
