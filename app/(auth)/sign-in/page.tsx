// Sign-in. Before the first admin exists there is no one to sign in as: go to setup. Someone
// already signed in goes straight to the dashboard.
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { findSessionUser, sessionCookieName } from "@/lib/auth/sessions";
import { hasAnyUser } from "@/lib/auth/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

export default async function SignInPage() {
  if (!(await hasAnyUser())) redirect("/setup");
  if (await findSessionUser((await cookies()).get(sessionCookieName)?.value)) redirect("/");
  return <SignInForm />;
}
