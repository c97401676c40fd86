"use client";
// Test-scan a channel without a phone: the built-in emulator pushes exactly what WeChat would
// to this account's webhook, and the panel shows that push and Qudao's answer.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { InlineError } from "@/components/ui/error-state";
import { useSimulateScan, useSimulateUnfollow } from "@/lib/client/sandbox";
import type { SandboxPushResult } from "@/lib/schemas/sandbox";
import styles from "@/components/channels/channel-detail.module.css";

interface SandboxPanelProps {
  accountId: string;
  channelId: string;
}

export function SandboxPanel({ accountId, channelId }: SandboxPanelProps) {
  const t = useTranslations("sandbox");
  const scan = useSimulateScan();
  const unfollow = useSimulateUnfollow();
  const [lastResult, setLastResult] = useState<SandboxPushResult | null>(null);
  /** The follower the last simulated scan created, and whether they still follow. */
  const [follower, setFollower] = useState<{ openid: string; isFollowing: boolean } | null>(null);
  const isBusy = scan.isPending || unfollow.isPending;

  function simulateScan(openid?: string) {
    unfollow.reset();
    scan.mutate(
      { channelId, ...(openid ? { openid } : {}) },
      {
        onSuccess: (result) => {
          setLastResult(result);
          setFollower({ openid: result.openid, isFollowing: true });
        },
      },
    );
  }

  function simulateUnfollow() {
    if (!follower) return;
    scan.reset();
    unfollow.mutate(
      { accountId, openid: follower.openid },
      {
        onSuccess: (result) => {
          setLastResult(result);
          setFollower({ openid: follower.openid, isFollowing: false });
        },
      },
    );
  }

  const error = scan.error ?? unfollow.error;
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody className={styles.sandboxBody}>
        <div className={styles.sandboxActions}>
          <Button
            variant="primary"
            onClick={() => simulateScan()}
            isLoading={scan.isPending && !scan.variables?.openid}
            disabled={isBusy}
            data-testid="simulate-scan"
          >
            {t("scan")}
          </Button>
          {follower ? (
            <Button
              onClick={() => simulateScan(follower.openid)}
              isLoading={scan.isPending && Boolean(scan.variables?.openid)}
              disabled={isBusy}
              data-testid="simulate-scan-again"
            >
              {follower.isFollowing ? t("scanAgain") : t("refollow")}
            </Button>
          ) : null}
          {follower ? (
            <Button
              variant="danger"
              onClick={simulateUnfollow}
              isLoading={unfollow.isPending}
              disabled={isBusy || !follower.isFollowing}
              data-testid="simulate-unfollow"
            >
              {t("unfollow")}
            </Button>
          ) : null}
        </div>
        {follower ? (
          <p className="muted">
            {t("follower")} <span className="mono">{follower.openid}</span>
          </p>
        ) : (
          <p className="muted">{t("hint")}</p>
        )}
        {error ? <InlineError error={error} /> : null}
        {lastResult ? <PushResult result={lastResult} /> : null}
      </CardBody>
    </Card>
  );
}

function PushResult({ result }: { result: SandboxPushResult }) {
  const t = useTranslations("sandbox.result");
  const isDelivered = result.error === null && result.replyStatus !== null && result.replyStatus < 400;
  return (
    <div className={styles.pushResult} data-testid="sandbox-result">
      <section>
        <h3>{t("pushed")}</h3>
        <dl className={styles.pushFacts}>
          <dt>{t("fields.event")}</dt>
          <dd className="mono">{result.event}</dd>
          <dt>{t("fields.eventKey")}</dt>
          <dd className="mono">{result.eventKey || "—"}</dd>
          <dt>{t("fields.openid")}</dt>
          <dd className="mono">{result.openid}</dd>
        </dl>
      </section>
      <section>
        <h3>
          {t("reply")}{" "}
          <span className={isDelivered ? styles.statusOk : styles.statusBad}>
            {result.replyStatus === null ? t("noResponse") : t("status", { status: result.replyStatus })}
            {" · "}
            {t("attempts", { count: result.attempts })}
          </span>
        </h3>
        {result.error ? <p className={styles.statusBad}>{result.error}</p> : null}
        {result.reply ? (
          <pre className={styles.replyBody}>{result.reply}</pre>
        ) : (
          <p className="muted">{t("emptyReply")}</p>
        )}
      </section>
    </div>
  );
}
