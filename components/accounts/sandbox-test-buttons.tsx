"use client";
// For accounts that talk to the emulator: make it verify the server URL or push a scan, as WeChat
// would, so the connection can be demonstrated without the real platform.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InlineAlert, InlineError } from "@/components/ui/error-state";
import { useSandboxVerification } from "@/lib/client/accounts";
import { useSimulateScan } from "@/lib/client/sandbox";

/** The scene of the wizard's test scans: unattributed unless a channel uses it. */
const testScanScene = "qudao-test";

export function SandboxTestButtons({ accountId, only }: { accountId: string; only?: "verification" | "scan" }) {
  const t = useTranslations("accounts");
  const verify = useSandboxVerification();
  const scan = useSimulateScan();
  const refused = verify.data && !verify.data.isVerified ? verify.data : null;

  return (
    <>
      {only === "scan" ? null : (
        <Button size="small" isLoading={verify.isPending} onClick={() => verify.mutate(accountId)}>
          {t("actions.testVerification")}
        </Button>
      )}
      {only === "verification" ? null : (
        <Button
          size="small"
          isLoading={scan.isPending}
          onClick={() => scan.mutate({ accountId, scene: testScanScene })}
        >
          {t("actions.testScan")}
        </Button>
      )}
      {refused ? (
        <InlineAlert>
          {t("wizard.sandboxVerificationFailed", { detail: refused.detail ?? String(refused.status) })}
        </InlineAlert>
      ) : null}
      {verify.error ? <InlineError error={verify.error} /> : null}
      {scan.error ? <InlineError error={scan.error} /> : null}
    </>
  );
}
