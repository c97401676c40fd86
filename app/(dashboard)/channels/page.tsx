// Channels: every placement's QR code with its counts for the range, and "New channel". The
// first page of the list is answered on the server, so the first paint has it.
import type { Metadata } from "next";
import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { ChannelsView } from "@/components/channels/channels-view";
import { prefetchAsViewer, searchParamsFrom } from "@/lib/prefetch/prefetch-as-viewer";
import { prefetchChannelList } from "@/lib/prefetch/dashboard-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("channels"))("title") };
}

export default async function ChannelsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = searchParamsFrom(await searchParams);
  const state = await prefetchAsViewer((queryClient) => prefetchChannelList(queryClient, query));
  return (
    <HydrationBoundary state={state}>
      <ChannelsView />
    </HydrationBoundary>
  );
}
