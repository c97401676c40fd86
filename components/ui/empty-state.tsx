// What a section shows when there is nothing yet: say why, and what to do next.
import type { ReactNode } from "react";
import styles from "@/components/ui/feedback.module.css";

export function EmptyState({
  icon = "◎",
  title,
  children,
  actions,
}: {
  icon?: ReactNode;
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className={styles.state}>
      <span className={styles.stateIcon} aria-hidden>
        {icon}
      </span>
      <p className={styles.stateTitle}>{title}</p>
      {children ? <div className={styles.stateText}>{children}</div> : null}
      {actions ? <div className={styles.stateActions}>{actions}</div> : null}
    </div>
  );
}
