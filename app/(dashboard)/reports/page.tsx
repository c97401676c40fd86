// Reports: the builder for CSV, Excel and the printable PDF report.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReportBuilderView } from "@/components/reports/report-builder";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

export default function ReportsPage() {
  return <ReportBuilderView />;
}
