// Overview: headline numbers, the daily trend and the top channels of the selected account.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { OverviewView } from "@/components/overview/overview-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

export default function OverviewPage() {
  return <OverviewView />;
}
