// A printable sheet of codes with their names: the selected channels or a whole group.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PrintSheetView } from "@/components/channels/print-sheet";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("channels.print"))("title") };
}

export default function PrintPage() {
  return <PrintSheetView />;
}
