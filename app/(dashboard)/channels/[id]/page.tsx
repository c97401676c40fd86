// One channel: its code and status, counts, a sandbox test scan, its range's trend and retention
// curve, and recent events.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChannelView } from "@/components/analytics/channel-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("channels.detail"))("title") };
}

export default async function ChannelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ChannelView key={id} channelId={id} />;
}
