// Compare: up to five channels or groups on one chart, the range and choice in the URL.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CompareView } from "@/components/analytics/compare-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics.compare"))("title") };
}

export default function ComparePage() {
  return <CompareView />;
}
