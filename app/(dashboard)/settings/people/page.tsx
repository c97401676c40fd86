// People: who may sign in, with which role on which accounts; invitations. Admins only.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PeopleView } from "@/components/team/people-view";
import { currentViewer } from "@/lib/auth/current-viewer";
import { viewerMay } from "@/lib/auth/viewer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team.people"))("title") };
}

export default async function PeoplePage() {
  const viewer = await currentViewer();
  // The sidebar hides this page from non-admins; someone who types the address lands on their own settings.
  if (!viewer || !viewerMay(viewer, "admin")) redirect("/settings/profile");
  return <PeopleView />;
}
