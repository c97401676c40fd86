// First run: create the first admin. Once anyone exists this page is closed for good.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { SetupForm } from "@/components/auth/setup-form";
import { hasAnyUser } from "@/lib/auth/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.setup"))("title") };
}

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  // Whether anyone exists is a question for this request, never for build time.
  await connection();
  if (await hasAnyUser()) redirect("/sign-in");
  const { token } = await searchParams;
  return <SetupForm setupToken={typeof token === "string" && token ? token : null} />;
}
