"use client";
// The actions of one table row, behind a small menu so the table stays narrow.
import { useRef, type ReactNode } from "react";
import styles from "@/components/team/team.module.css";
import uiStyles from "@/components/ui/ui.module.css";

export interface RowAction {
  key: string;
  label: string;
  onSelect: () => void;
  isDanger?: boolean;
}

export function RowMenu({ label, actions, testId }: { label: ReactNode; actions: RowAction[]; testId?: string }) {
  const menu = useRef<HTMLDetailsElement>(null);
  if (actions.length === 0) return null;
  return (
    <details ref={menu} className={styles.menu} data-testid={testId}>
      <summary className={`${uiStyles.button} ${uiStyles.secondary} ${uiStyles.small}`}>{label} ▾</summary>
      <div className={styles.menuItems} role="menu">
        {actions.map((action) => (
          <button
            key={action.key}
            type="button"
            role="menuitem"
            className={[styles.menuItem, action.isDanger ? styles.menuItemDanger : ""].join(" ")}
            data-testid={`${testId ?? "row"}-${action.key}`}
            onClick={() => {
              menu.current?.removeAttribute("open");
              action.onSelect();
            }}
          >
            {action.label}
          </button>
        ))}
      </div>
    </details>
  );
}
