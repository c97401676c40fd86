"use client";
// The signed-in user, handed down from the dashboard layout, so any control can ask "may they?"
// before it is drawn: a viewer never sees an edit button that would only be refused.
import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "@/lib/auth/roles";
import { viewerMay, type Viewer } from "@/lib/auth/viewer";

const ViewerContext = createContext<Viewer | null>(null);

export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

export function useViewer(): Viewer | null {
  return useContext(ViewerContext);
}

/**
 * Whether the signed-in user has `needed` on the account (or, without one, anywhere). Outside the
 * dashboard (no provider) nothing is allowed.
 */
export function useMay(needed: Role, accountId?: string | null): boolean {
  const viewer = useViewer();
  return viewer ? viewerMay(viewer, needed, accountId) : false;
}
