"use client";
// Permanent codes used of WeChat's 100 000 per account: a bar that turns amber at 80 % and red at 95 %.
import { useTranslations } from "next-intl";
import { useFormatters } from "@/components/ui/use-formatters";
import { usePermanentQuota } from "@/lib/client/channels";
import styles from "@/components/channels/channels.module.css";

export function QuotaMeter({ accountId, timeZone }: { accountId: string; timeZone: string }) {
  const t = useTranslations("channels.quota");
  const formatters = useFormatters(timeZone);
  const quota = usePermanentQuota(accountId);
  if (!quota.data) return null;
  const { used, limit, remaining, level } = quota.data;
  const share = used / limit;
  return (
    <div className={`${styles.quota} ${styles[`quota_${level}`]}`} data-testid="quota-meter" data-level={level}>
      <div className={styles.quotaHeader}>
        <span>{t("title")}</span>
        <span className={styles.quotaNumbers}>
          {t("used", { used: formatters.count(used), limit: formatters.count(limit) })}
        </span>
      </div>
      <div
        className={styles.quotaBar}
        role="meter"
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={used}
        aria-label={t("title")}
      >
        <span style={{ width: `${Math.max(share * 100, used > 0 ? 0.5 : 0)}%` }} />
      </div>
      <p className={styles.quotaNote}>
        {level === "ok"
          ? t("ok", { remaining: formatters.count(remaining) })
          : t(level, { remaining: formatters.count(remaining) })}
      </p>
    </div>
  );
}
