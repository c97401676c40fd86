"use client";
// How the team pages word roles, access and times. Times here are instants of the whole
// installation (sign-ins, changes), so they are shown in the reader's own time zone.
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { isRole, type Role } from "@/lib/auth/roles";
import type { Account } from "@/lib/schemas/accounts";

export function browserTimeZone(): string {
  return typeof Intl === "undefined" ? "UTC" : Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const noAccounts: Account[] = [];

export function useTeamFormat(accounts: Account[] = noAccounts) {
  const t = useTranslations("team");
  const format = useFormatter();
  return useMemo(() => {
    const timeZone = browserTimeZone();
    const accountNames = new Map(accounts.map((account) => [account.id, account.name]));
    const role = (value: string) => (isRole(value) ? t(`roles.${value}`) : value);
    return {
      role,
      accountName: (id: string) => accountNames.get(id) ?? t("common.unknownAccount"),
      /** "Admin · all accounts", or each account with its role. */
      access: (access: { role: string; allAccounts: boolean; grants: { accountId: string; role: string }[] }) =>
        access.allAccounts
          ? [t("access.allAccountsAs", { role: role(access.role) })]
          : access.grants.map(
              (grant) => `${accountNames.get(grant.accountId) ?? t("common.unknownAccount")} · ${role(grant.role)}`,
            ),
      dateTime: (iso: string) => format.dateTime(new Date(iso), { timeZone, dateStyle: "medium", timeStyle: "short" }),
      date: (iso: string) => format.dateTime(new Date(iso), { timeZone, dateStyle: "medium" }),
      relative: (iso: string) => format.relativeTime(new Date(iso), new Date()),
    };
  }, [accounts, format, t]);
}

export const roleOrder: readonly Role[] = ["viewer", "editor", "admin", "owner"];
