"use client";
// What someone may reach: "All accounts" with one role, or "Only these accounts", each ticked
// with editor or viewer. Admins and owners manage the whole installation, so a list of accounts
// offers only editor and viewer (the server's rule, lib/team/access.ts).
import { useTranslations } from "next-intl";
import { useId } from "react";
import { SelectField } from "@/components/ui/field";
import { useViewer } from "@/components/auth/viewer-context";
import { accountGrantRoles, atLeast, isRole, type AccountGrantRole, type Role } from "@/lib/auth/roles";
import type { Account } from "@/lib/schemas/accounts";
import type { AccessInput } from "@/lib/schemas/team";
import { roleOrder } from "@/components/team/use-team-format";
import styles from "@/components/team/team.module.css";

export interface AccessDraft {
  allAccounts: boolean;
  role: Role;
  grants: { accountId: string; role: AccountGrantRole }[];
}

export const defaultAccessDraft: AccessDraft = { allAccounts: true, role: "viewer", grants: [] };

export function draftOf(access: { role: string; allAccounts: boolean; grants: { accountId: string; role: string }[] }) {
  return {
    allAccounts: access.allAccounts,
    role: isRole(access.role) ? access.role : "viewer",
    grants: access.grants.map((grant) => ({
      accountId: grant.accountId,
      role: grant.role === "editor" ? "editor" : "viewer",
    })),
  } satisfies AccessDraft;
}

/** The request body, or the reason it cannot be sent yet. */
export function accessOf(draft: AccessDraft): { access: AccessInput } | { problem: "chooseAccount" } {
  if (draft.allAccounts) return { access: { allAccounts: true, role: draft.role } };
  if (draft.grants.length === 0) return { problem: "chooseAccount" };
  return { access: { allAccounts: false, grants: draft.grants } };
}

/** Roles the signed-in person may hand out: an owner is made by an owner only. */
export function useAssignableRoles(): readonly Role[] {
  const viewer = useViewer();
  return roleOrder.filter((role) => role !== "owner" || atLeast(viewer?.role, "owner"));
}

export function AccessPicker({
  value,
  onChange,
  accounts,
  error,
}: {
  value: AccessDraft;
  onChange: (draft: AccessDraft) => void;
  accounts: Account[];
  error?: string;
}) {
  const t = useTranslations("team");
  const name = useId();
  const assignable = useAssignableRoles();
  const grantOf = (accountId: string) => value.grants.find((grant) => grant.accountId === accountId);

  function toggle(accountId: string, isChecked: boolean) {
    const grants = isChecked
      ? [...value.grants, { accountId, role: "viewer" as const }]
      : value.grants.filter((grant) => grant.accountId !== accountId);
    onChange({ ...value, grants });
  }

  function setGrantRole(accountId: string, role: AccountGrantRole) {
    onChange({
      ...value,
      grants: value.grants.map((grant) => (grant.accountId === accountId ? { ...grant, role } : grant)),
    });
  }

  return (
    <fieldset className={styles.picker} data-testid="access-picker">
      <legend>{t("access.label")}</legend>
      <label className={styles.choice}>
        <input
          type="radio"
          name={name}
          checked={value.allAccounts}
          onChange={() => onChange({ ...value, allAccounts: true })}
          data-testid="access-all"
        />
        {t("access.allAccounts")}
      </label>
      {value.allAccounts ? (
        <div className={styles.nested}>
          <SelectField
            label={t("access.role")}
            hint={t(`roleHints.${value.role}`)}
            value={value.role}
            onChange={(event) => onChange({ ...value, role: event.target.value as Role })}
            data-testid="access-role"
          >
            {assignable.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}
      <label className={styles.choice}>
        <input
          type="radio"
          name={name}
          checked={!value.allAccounts}
          onChange={() => onChange({ ...value, allAccounts: false })}
          data-testid="access-only"
        />
        {t("access.onlyThese")}
      </label>
      {!value.allAccounts ? (
        <div className={styles.nested}>
          <div className={styles.accountList}>
            {accounts.length === 0 ? <p className="muted">{t("access.noAccounts")}</p> : null}
            {accounts.map((account) => {
              const grant = grantOf(account.id);
              return (
                <div key={account.id} className={styles.accountRow}>
                  <label>
                    <input
                      type="checkbox"
                      checked={Boolean(grant)}
                      onChange={(event) => toggle(account.id, event.target.checked)}
                      data-testid={`access-account-${account.id}`}
                    />
                    {account.name}
                  </label>
                  {grant ? (
                    <select
                      className={styles.smallSelect}
                      value={grant.role}
                      aria-label={t("access.roleOn", { account: account.name })}
                      onChange={(event) => setGrantRole(account.id, event.target.value as AccountGrantRole)}
                      data-testid={`access-account-role-${account.id}`}
                    >
                      {accountGrantRoles.map((role) => (
                        <option key={role} value={role}>
                          {t(`roles.${role}`)}
                        </option>
                      ))}
                    </select>
                  ) : null}
                </div>
              );
            })}
          </div>
          <p className="muted" style={{ fontSize: 12.5 }}>
            {t("access.onlyTheseHint")}
          </p>
        </div>
      ) : null}
      {error ? (
        <p className={styles.secretNote} role="alert" style={{ color: "var(--color-danger)" }}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
