// Overview: headline numbers against the previous period, the trend, top channels, groups and
// follow sources of the selected account, for the range in the URL.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OverviewView } from "@/components/overview/overview-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

export default function OverviewPage() {
  return <OverviewView />;
}
