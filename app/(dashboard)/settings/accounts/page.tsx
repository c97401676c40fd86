// Settings → Official accounts: connect, check and manage the accounts (admins).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountsView } from "@/components/accounts/accounts-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("title") };
}

export default function AccountsPage() {
  return <AccountsView />;
}
