// The surface every dashboard section sits on.
import type { HTMLAttributes, ReactNode } from "react";
import styles from "@/components/ui/ui.module.css";

export function Card({ className, ...rest }: HTMLAttributes<HTMLElement>) {
  return <section className={[styles.card, className].filter(Boolean).join(" ")} {...rest} />;
}

export function CardHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className={styles.cardHeader}>
      <div className={styles.cardTitle}>
        <h2>{title}</h2>
        {description ? <p className={styles.cardDescription}>{description}</p> : null}
      </div>
      {actions}
    </header>
  );
}

export function CardBody({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={[styles.cardBody, className].filter(Boolean).join(" ")} {...rest} />;
}
