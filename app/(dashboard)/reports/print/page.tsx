// The printable report for the range and filters in the URL: print it, or save it as PDF.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PrintableReportView } from "@/components/reports/printable-report";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("print.title") };
}

export default function PrintableReportPage() {
  return <PrintableReportView />;
}
