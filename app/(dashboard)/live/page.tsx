// Live: pushes as they arrive and today's counters.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LiveView } from "@/components/analytics/live-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics.live"))("title") };
}

export default function LivePage() {
  return <LiveView />;
}
