"use client";
// Ends the session, then leaves: the dashboard must not stay visible after signing out.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useSignOut } from "@/lib/client/auth";

export function SignOutButton() {
  const t = useTranslations("layout");
  const router = useRouter();
  const signOut = useSignOut();
  return (
    <Button
      variant="ghost"
      size="small"
      isLoading={signOut.isPending}
      onClick={() =>
        signOut.mutate(undefined, {
          onSettled: () => {
            router.replace("/sign-in");
            router.refresh();
          },
        })
      }
    >
      {t("signOut")}
    </Button>
  );
}
