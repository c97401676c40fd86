"use client";
// My account: who I am here and what I may reach, my password, my sessions. Everyone has it.
import { useTranslations } from "next-intl";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/layout/page-header";
import { useViewer } from "@/components/auth/viewer-context";
import { PasswordForm } from "@/components/team/password-form";
import { SessionsCard } from "@/components/team/sessions-card";
import { useTeamFormat } from "@/components/team/use-team-format";
import { useAccounts } from "@/lib/client/accounts";
import styles from "@/components/team/team.module.css";
import tableStyles from "@/components/team/table.module.css";

export function ProfileView() {
  const t = useTranslations("team.profile");
  const viewer = useViewer();
  const accounts = useAccounts();
  const format = useTeamFormat(accounts.data?.items ?? []);
  const access = viewer
    ? format.access({
        role: viewer.role,
        allAccounts: viewer.allAccounts,
        grants: Object.entries(viewer.grants).map(([accountId, role]) => ({ accountId, role })),
      })
    : [];

  return (
    <div className={styles.stack}>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardHeader title={t("whoTitle")} />
        <CardBody>
          <dl className={styles.facts} data-testid="profile-facts">
            <dt>{t("email")}</dt>
            <dd>{viewer?.email}</dd>
            <dt>{t("access")}</dt>
            <dd>
              <ul className={tableStyles.grantList}>
                {access.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </dd>
          </dl>
        </CardBody>
      </Card>
      <div className={styles.profileGrid}>
        <PasswordForm />
        <SessionsCard />
      </div>
    </div>
  );
}
