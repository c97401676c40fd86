"use client";
// Picks the official account the dashboard shows. On a channel page the channel belongs to the
// old account, so switching goes back to the channel list.
import { useLocale, useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/spinner";
import { describeTimeZone } from "@/components/ui/use-formatters";
import { accountParam, useSelectedAccount } from "@/components/layout/use-selected-account";
import styles from "@/components/layout/shell.module.css";

export function AccountSwitcher() {
  const t = useTranslations("layout");
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const { account, accounts, isPending, error } = useSelectedAccount();

  if (isPending) return <Skeleton width={220} height={34} />;
  if (error || !account) return <span className="muted">{t("noAccount")}</span>;

  function selectAccount(id: string) {
    const path = pathname.startsWith("/channels/") ? "/channels" : pathname;
    router.push(`${path}?${accountParam}=${encodeURIComponent(id)}`);
  }

  return (
    <div className={styles.accountSwitcher}>
      <label className="visually-hidden" htmlFor="account-switcher">
        {t("account")}
      </label>
      <select
        id="account-switcher"
        className={styles.accountSelect}
        value={account.id}
        onChange={(event) => selectAccount(event.target.value)}
      >
        {accounts.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </select>
      {account.isSandbox ? <Badge tone="amber">{t("sandbox")}</Badge> : null}
      <span className={styles.timeZone} title={`${t("timeZoneHint")} · ${account.timezone}`}>
        {describeTimeZone(account.timezone, locale)}
      </span>
    </div>
  );
}
