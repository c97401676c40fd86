"use client";
// The people table: who, what they may reach, whether they can sign in, when last seen, and the
// actions the signed-in person may take on them (none on themselves, none on an owner for an admin).
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { useViewer } from "@/components/auth/viewer-context";
import { RowMenu, type RowAction } from "@/components/team/row-menu";
import { useTeamFormat } from "@/components/team/use-team-format";
import { atLeast } from "@/lib/auth/roles";
import type { Account } from "@/lib/schemas/accounts";
import type { Person } from "@/lib/schemas/team";
import tableStyles from "@/components/team/table.module.css";

export type PersonAction = "access" | "disable" | "enable" | "reset" | "remove";

export function PeopleTable({
  people,
  accounts,
  onAction,
}: {
  people: Person[];
  accounts: Account[];
  onAction: (action: PersonAction, person: Person) => void;
}) {
  const t = useTranslations("team.people");
  const viewer = useViewer();
  const format = useTeamFormat(accounts);
  const isOwner = atLeast(viewer?.role, "owner");

  function actionsFor(person: Person): RowAction[] {
    if (person.id === viewer?.id) return [];
    if (person.role === "owner" && !isOwner) return [];
    const action = (key: PersonAction, isDanger = false): RowAction => ({
      key,
      label: t(`actions.${key}`),
      onSelect: () => onAction(key, person),
      isDanger,
    });
    return [
      action("access"),
      person.disabled ? action("enable") : action("disable", true),
      ...(isOwner ? [action("reset")] : []),
      action("remove", true),
    ];
  }

  return (
    <div className={tableStyles.tableWrap}>
      <table className={`${tableStyles.table} ${tableStyles.stacked}`} data-testid="people-table">
        <thead>
          <tr>
            <th>{t("columns.person")}</th>
            <th>{t("columns.access")}</th>
            <th>{t("columns.status")}</th>
            <th>{t("columns.lastActive")}</th>
            <th>
              <span className="visually-hidden">{t("columns.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id} data-testid="person-row" data-email={person.email}>
              <td>
                <div>
                  <div className={tableStyles.primaryText}>
                    {person.name || person.email}{" "}
                    {person.id === viewer?.id ? <Badge tone="blue">{t("you")}</Badge> : null}
                  </div>
                  {person.name ? <div className={tableStyles.secondaryText}>{person.email}</div> : null}
                </div>
              </td>
              <td data-label={t("columns.access")}>
                <ul className={tableStyles.grantList}>
                  {format.access(person).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </td>
              <td data-label={t("columns.status")}>
                <span className={tableStyles.badges} data-testid="person-status">
                  {person.disabled ? (
                    <Badge tone="red">{t("status.disabled")}</Badge>
                  ) : (
                    <Badge tone="green">{t("status.active")}</Badge>
                  )}
                  {person.mustChangePassword && !person.disabled ? (
                    <Badge tone="amber">{t("status.mustChangePassword")}</Badge>
                  ) : null}
                </span>
              </td>
              <td data-label={t("columns.lastActive")} className={tableStyles.nowrap}>
                {person.lastActiveAt ? (
                  <span title={format.dateTime(person.lastActiveAt)}>{format.relative(person.lastActiveAt)}</span>
                ) : (
                  <span className="faint">{t("never")}</span>
                )}
              </td>
              <td className={tableStyles.actionsCell}>
                <RowMenu label={t("manage")} actions={actionsFor(person)} testId="person-menu" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
