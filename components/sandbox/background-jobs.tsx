"use client";
// The work done after pushes were answered (auto-tagging), newest first: waiting, done, or
// failed with WeChat's reason in words a marketer can act on (e.g. the 100-tag limit).
import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { SkeletonRows } from "@/components/ui/spinner";
import { useFormatters } from "@/components/ui/use-formatters";
import { useBackgroundJobs } from "@/lib/client/sandbox-console";
import type { Account } from "@/lib/schemas/accounts";
import type { BackgroundJob } from "@/lib/schemas/sandbox";
import styles from "@/components/sandbox/sandbox.module.css";

const statusTone: Record<BackgroundJob["status"], BadgeTone> = { pending: "amber", done: "green", failed: "red" };

export function BackgroundJobs({ account }: { account: Account }) {
  const t = useTranslations("sandboxConsole.jobs");
  const formatters = useFormatters(account.timezone);
  const jobs = useBackgroundJobs(account.id);
  const items = jobs.data?.items ?? [];
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        {jobs.isPending ? (
          <SkeletonRows rows={2} />
        ) : jobs.isError ? (
          <ErrorState error={jobs.error} onRetry={() => jobs.refetch()} />
        ) : items.length === 0 ? (
          <p className={styles.empty}>{t("empty")}</p>
        ) : (
          <ul className={styles.jobs}>
            {items.map((job) => (
              <li key={job.id} className={styles.job} data-testid="background-job" data-status={job.status}>
                <Badge tone={statusTone[job.status]}>{t(`status.${job.status}`)}</Badge>
                <span className={styles.jobText}>
                  <span>
                    {job.tagName ? t("tag", { tag: job.tagName }) : job.kind}
                    <span className="faint"> · {t("attempts", { count: job.attempts })}</span>
                  </span>
                  {job.openid ? <span className={styles.openid}>{job.openid}</span> : null}
                  {job.lastError ? <span className={styles.problem}>{job.lastError}</span> : null}
                  {job.status === "pending" && job.attempts > 0 ? (
                    <span className="faint">{t("nextTry", { time: formatters.instantWithSeconds(job.runAt) })}</span>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
