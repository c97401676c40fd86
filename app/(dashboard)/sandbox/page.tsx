// Sandbox: what the built-in WeChat emulator pushed and the replies it got, its faults, and the
// work done after pushes.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SandboxConsoleView } from "@/components/sandbox/sandbox-console-view";
import { isSandboxEnabled } from "@/lib/sandbox/sandbox-mode";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sandboxConsole"))("title") };
}

export default function SandboxPage() {
  if (!isSandboxEnabled()) notFound();
  return <SandboxConsoleView />;
}
