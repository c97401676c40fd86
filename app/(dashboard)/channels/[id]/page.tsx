// One channel: its code and status, counts, a sandbox test scan, its range's trend and retention
// curve, and recent events. The channel and its range's numbers are answered on the server, so the
// first paint has them.
import type { Metadata } from "next";
import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { ChannelView } from "@/components/analytics/channel-view";
import { prefetchAsViewer, searchParamsFrom } from "@/lib/prefetch/prefetch-as-viewer";
import { prefetchChannelPage } from "@/lib/prefetch/dashboard-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("channels.detail"))("title") };
}

export default async function ChannelPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const query = searchParamsFrom(await searchParams);
  const state = await prefetchAsViewer((queryClient) => prefetchChannelPage(queryClient, id, query));
  return (
    <HydrationBoundary state={state}>
      <ChannelView key={id} channelId={id} />
    </HydrationBoundary>
  );
}
