// Sandbox: what the built-in WeChat emulator pushed and the replies it got, its faults, and the
// work done after pushes.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SandboxConsoleView } from "@/components/sandbox/sandbox-console-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sandboxConsole"))("title") };
}

export default function SandboxPage() {
  return <SandboxConsoleView />;
}
