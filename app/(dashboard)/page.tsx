// Overview: headline numbers against the previous period, the trend, top channels, groups and
// follow sources of the selected account, for the range in the URL. Its first queries are answered
// on the server, so the first paint has the numbers.
import type { Metadata } from "next";
import { HydrationBoundary } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { OverviewView } from "@/components/overview/overview-view";
import { prefetchAsViewer, searchParamsFrom } from "@/lib/prefetch/prefetch-as-viewer";
import { prefetchOverview } from "@/lib/prefetch/dashboard-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = searchParamsFrom(await searchParams);
  const state = await prefetchAsViewer((queryClient) => prefetchOverview(queryClient, query));
  return (
    <HydrationBoundary state={state}>
      <OverviewView />
    </HydrationBoundary>
  );
}
