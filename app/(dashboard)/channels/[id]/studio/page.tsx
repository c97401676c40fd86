// The QR studio of one channel: design its code for print and download it.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StudioView } from "@/components/studio/studio-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("channels.studio"))("title") };
}

export default async function StudioPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <StudioView key={id} channelId={id} />;
}
