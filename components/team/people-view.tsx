"use client";
// People: everyone who may sign in, what they may reach, and the ways in (invite link or a
// temporary password), with open invitations below. Admins only; owner-only actions for owners.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { SkeletonRows } from "@/components/ui/spinner";
import { PageHeader } from "@/components/layout/page-header";
import { InvitesCard } from "@/components/team/invites-card";
import { CreatePersonDialog, InviteDialog } from "@/components/team/new-person-dialogs";
import { PeopleTable, type PersonAction } from "@/components/team/people-table";
import { AccessDialog, DisableDialog, RemoveDialog, ResetPasswordDialog } from "@/components/team/person-dialogs";
import { useAccounts } from "@/lib/client/accounts";
import { usePeople } from "@/lib/client/team";
import type { Person } from "@/lib/schemas/team";
import styles from "@/components/team/team.module.css";

type OpenDialog = { kind: "invite" } | { kind: "create" } | { kind: PersonAction; person: Person };

export function PeopleView() {
  const t = useTranslations("team.people");
  const people = usePeople();
  const accountList = useAccounts();
  const accounts = accountList.data?.items ?? [];
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const close = () => setDialog(null);

  return (
    <div className={styles.stack}>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Button onClick={() => setDialog({ kind: "create" })} data-testid="open-create-person">
              {t("create")}
            </Button>
            <Button variant="primary" onClick={() => setDialog({ kind: "invite" })} data-testid="open-invite">
              {t("invite")}
            </Button>
          </>
        }
      />
      <Card>
        <CardHeader
          title={t("listTitle")}
          description={people.data ? t("count", { count: people.data.items.length }) : undefined}
        />
        <CardBody>
          {people.isPending ? (
            <SkeletonRows rows={3} height={44} />
          ) : people.error ? (
            <ErrorState error={people.error} onRetry={() => people.refetch()} />
          ) : people.data.items.length === 0 ? (
            <EmptyState title={t("emptyTitle")}>{t("emptyText")}</EmptyState>
          ) : (
            <PeopleTable
              people={people.data.items}
              accounts={accounts}
              onAction={(kind, person) => setDialog({ kind, person })}
            />
          )}
        </CardBody>
      </Card>
      <InvitesCard accounts={accounts} />
      {dialog?.kind === "invite" ? <InviteDialog accounts={accounts} onClose={close} /> : null}
      {dialog?.kind === "create" ? <CreatePersonDialog accounts={accounts} onClose={close} /> : null}
      {dialog?.kind === "access" ? <AccessDialog person={dialog.person} accounts={accounts} onClose={close} /> : null}
      {dialog?.kind === "disable" || dialog?.kind === "enable" ? (
        <DisableDialog person={dialog.person} onClose={close} />
      ) : null}
      {dialog?.kind === "remove" ? <RemoveDialog person={dialog.person} onClose={close} /> : null}
      {dialog?.kind === "reset" ? <ResetPasswordDialog person={dialog.person} onClose={close} /> : null}
    </div>
  );
}
