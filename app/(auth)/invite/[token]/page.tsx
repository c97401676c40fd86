// Accepting an invitation: the link's token is the credential; the person chooses a name and a
// password and arrives signed in (as them, even if this browser was signed in as someone else).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { InviteAcceptForm } from "@/components/team/invite-accept-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team.acceptInvite"))("title") };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <InviteAcceptForm token={token} />;
}
