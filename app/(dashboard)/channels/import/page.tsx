// Bulk import of channels from CSV or XLSX, with a preview of every row first.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ImportView } from "@/components/import/import-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("channels.import"))("title") };
}

export default function ImportPage() {
  return <ImportView />;
}
