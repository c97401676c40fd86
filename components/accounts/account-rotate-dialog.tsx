"use client";
// Rotating the Token / EncodingAESKey: generate, show the new pair once with where to paste it;
// the old pair stays accepted until the admin ends the rotation on the account's card.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/error-state";
import { CopyValue } from "@/components/accounts/copy-value";
import { useModal } from "@/components/ui/use-modal";
import { useStartRotation } from "@/lib/client/accounts";
import type { Account } from "@/lib/schemas/accounts";
import styles from "@/components/accounts/accounts.module.css";

export function AccountRotateDialog({ account, onClose }: { account: Account; onClose: () => void }) {
  const t = useTranslations("accounts");
  const dialog = useModal();
  const rotate = useStartRotation();
  const secrets = rotate.data?.generatedSecrets;

  return (
    <dialog ref={dialog} className={styles.dialog} onClose={onClose} aria-labelledby="rotate-account-title">
      <div className={styles.dialogForm}>
        <h2 id="rotate-account-title">{secrets ? t("rotate.doneTitle") : t("rotate.title")}</h2>
        <p className={styles.dialogText}>{secrets ? t("rotate.doneText") : t("rotate.text")}</p>
        {secrets ? (
          <div className={styles.pasteBox}>
            {secrets.token ? <CopyValue label={t("wizard.field.token")} value={secrets.token} /> : null}
            {secrets.encodingAESKey ? (
              <CopyValue label={t("wizard.field.encodingAESKey")} value={secrets.encodingAESKey} />
            ) : null}
          </div>
        ) : null}
        {rotate.error ? <InlineError error={rotate.error} /> : null}
        <div className={styles.dialogActions}>
          {secrets ? (
            <Button variant="primary" onClick={() => dialog.current?.close()}>
              {t("actions.close")}
            </Button>
          ) : (
            <>
              <Button onClick={() => dialog.current?.close()}>{t("actions.cancel")}</Button>
              <Button
                variant="primary"
                isLoading={rotate.isPending}
                onClick={() => rotate.mutate({ id: account.id, input: {} })}
              >
                {t("rotate.start")}
              </Button>
            </>
          )}
        </div>
      </div>
    </dialog>
  );
}
