// Sign-in. Before the first admin exists there is no one to sign in as: go to setup. Someone
// already signed in goes straight to the dashboard.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentViewer } from "@/lib/auth/current-viewer";
import { hasAnyUser } from "@/lib/auth/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

export default async function SignInPage() {
  if (!(await hasAnyUser())) redirect("/setup");
  if (await currentViewer()) redirect("/");
  return <SignInForm />;
}
