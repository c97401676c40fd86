// The signed-in user for server components (layouts and pages), from the session cookie.
import { cookies } from "next/headers";
import { findSessionActor, sessionCookieName } from "@/lib/auth/sessions";
import type { Viewer } from "@/lib/auth/viewer";

export async function currentViewer(): Promise<Viewer | null> {
  const actor = await findSessionActor((await cookies()).get(sessionCookieName)?.value);
  if (!actor) return null;
  return {
    id: actor.id,
    email: actor.label,
    role: actor.role,
    allAccounts: actor.allAccounts,
    grants: actor.grants,
    mustChangePassword: actor.mustChangePassword ?? false,
  };
}
