// Channels: every placement's QR code with its counts, and the form for a new one.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChannelsView } from "@/components/channels/channels-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("channels"))("title") };
}

export default function ChannelsPage() {
  return <ChannelsView />;
}
