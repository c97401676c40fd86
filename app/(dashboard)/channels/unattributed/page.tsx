// Scenes seen in pushes that no channel owns, with one click to claim each.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { UnattributedView } from "@/components/channels/unattributed-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("channels.unattributed"))("title") };
}

export default function UnattributedPage() {
  return <UnattributedView />;
}
