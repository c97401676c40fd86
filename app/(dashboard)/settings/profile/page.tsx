// My account: who I am here, my password, and where I am signed in. Everyone.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProfileView } from "@/components/team/profile-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("team.profile"))("title") };
}

export default function ProfilePage() {
  return <ProfileView />;
}
