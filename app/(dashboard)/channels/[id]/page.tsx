// One channel: its QR code, counts, a sandbox test scan and recent events.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChannelDetailView } from "@/components/channels/channel-detail-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("channels.detail"))("title") };
}

export default async function ChannelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ChannelDetailView key={id} channelId={id} />;
}
