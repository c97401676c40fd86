// API keys: named keys for scripts, with a role, accounts and expiry; shown once. Admins only.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ApiKeysView } from "@/components/team/api-keys-view";
import { currentViewer } from "@/lib/auth/current-viewer";
import { viewerMay } from "@/lib/auth/viewer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team.apiKeys"))("title") };
}

export default async function ApiKeysPage() {
  const viewer = await currentViewer();
  if (!viewer || !viewerMay(viewer, "admin")) redirect("/settings/profile");
  return <ApiKeysView />;
}
