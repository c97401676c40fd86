"use client";
// What the emulator pushed to the account's webhook, newest first: the event, the follower, how
// many tries it took, and Qudao's reply (decrypted), opened per push.
import { useMay } from "@/components/auth/viewer-context";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState, InlineError } from "@/components/ui/error-state";
import { TextField } from "@/components/ui/field";
import { SkeletonRows } from "@/components/ui/spinner";
import { useFormatters } from "@/components/ui/use-formatters";
import { useSimulateScan } from "@/lib/client/sandbox";
import { sandboxConsoleKeys, useSandboxPushes } from "@/lib/client/sandbox-console";
import type { Account } from "@/lib/schemas/accounts";
import type { SandboxPushRecord } from "@/lib/schemas/sandbox";
import styles from "@/components/sandbox/sandbox.module.css";

const eventTone: Record<string, BadgeTone> = { subscribe: "green", SCAN: "blue", unsubscribe: "red" };

export function PushLog({ account, isSandbox }: { account: Account; isSandbox: boolean }) {
  const t = useTranslations("sandboxConsole.pushes");
  const pushes = useSandboxPushes(account.id);
  const mayEdit = useMay("editor", account.id);
  const items = pushes.data?.items ?? [];
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        {isSandbox && mayEdit ? <SimulateScanForm accountId={account.id} /> : null}
        {pushes.isPending ? (
          <SkeletonRows />
        ) : pushes.isError ? (
          <ErrorState error={pushes.error} onRetry={() => pushes.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState icon="⇄" title={t("emptyTitle")}>
            {t("emptyText")}
          </EmptyState>
        ) : (
          <ul className={styles.list} aria-label={t("title")}>
            {items.map((push) => (
              <PushItem key={push.id} push={push} timeZone={account.timezone} />
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

function PushItem({ push, timeZone }: { push: SandboxPushRecord; timeZone: string }) {
  const t = useTranslations("sandboxConsole.pushes");
  const formatters = useFormatters(timeZone);
  const outcome: { tone: BadgeTone; label: string } =
    push.attempts === 0
      ? { tone: "amber", label: t("dropped") }
      : push.replyStatus === null
        ? { tone: "red", label: t("noAnswer") }
        : { tone: push.replyStatus === 200 ? "green" : "red", label: t("status", { status: push.replyStatus }) };
  return (
    <li className={styles.item} data-testid="sandbox-push">
      <details>
        <summary className={styles.summary}>
          <Badge tone={eventTone[push.event] ?? "neutral"}>{push.event}</Badge>
          <span className={styles.who}>
            <span className={styles.key}>{push.eventKey || "—"}</span>
            <span className={styles.openid} title={push.openid}>
              {push.openid}
            </span>
          </span>
          <span className={styles.when}>
            <time dateTime={push.createdAt}>{formatters.instantWithSeconds(push.createdAt)}</time>
            {push.attempts > 1 ? ` · ${t("tries", { count: push.attempts })}` : null}
          </span>
          <span data-testid="sandbox-push-outcome">
            <Badge tone={outcome.tone}>{outcome.label}</Badge>
          </span>
        </summary>
        <div className={styles.details}>
          <div>
            <div className={styles.detailLabel}>{t("target")}</div>
            <code>{push.targetUrl}</code>
          </div>
          {push.error ? (
            <div>
              <div className={styles.detailLabel}>{t("error")}</div>
              <p className={styles.problem}>{push.error}</p>
            </div>
          ) : null}
          {push.reply !== null ? (
            <div>
              <div className={styles.detailLabel}>{t("reply")}</div>
              <pre className={styles.reply}>{push.reply === "success" ? t("successReply") : push.reply}</pre>
            </div>
          ) : null}
        </div>
      </details>
    </li>
  );
}

function SimulateScanForm({ accountId }: { accountId: string }) {
  const t = useTranslations("sandboxConsole.pushes");
  const queryClient = useQueryClient();
  const scan = useSimulateScan();
  const [scene, setScene] = useState("1");

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = scene.trim();
    if (!trimmed) return;
    const value = /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
    scan.mutate(
      { accountId, scene: value },
      { onSettled: () => queryClient.invalidateQueries({ queryKey: sandboxConsoleKeys.all }) },
    );
  }

  return (
    <form className={styles.simulate} onSubmit={submit}>
      <TextField
        label={t("scene")}
        placeholder={t("scenePlaceholder")}
        value={scene}
        maxLength={64}
        onChange={(event) => setScene(event.target.value)}
        data-testid="sandbox-scene"
      />
      <Button type="submit" variant="primary" isLoading={scan.isPending} data-testid="sandbox-simulate">
        {t("simulate")}
      </Button>
      {scan.isError ? <InlineError error={scan.error} /> : null}
    </form>
  );
}
