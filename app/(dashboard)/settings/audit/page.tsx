// The audit log: who did what to which object, filtered, with CSV export. Admins only.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuditView } from "@/components/team/audit-view";
import { currentViewer } from "@/lib/auth/current-viewer";
import { viewerMay } from "@/lib/auth/viewer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team.audit"))("title") };
}

export default async function AuditPage() {
  const viewer = await currentViewer();
  if (!viewer || !viewerMay(viewer, "admin")) redirect("/settings/profile");
  return <AuditView />;
}
