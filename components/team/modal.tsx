"use client";
// A modal on the browser's own <dialog>: focus is trapped and Escape closes it. Mounted while it
// is open; closing (Escape, Cancel, done) hands back to `onClose`, which unmounts it.
import { useEffect, useId, useRef, type ReactNode } from "react";
import styles from "@/components/team/team.module.css";

export function Modal({
  title,
  onClose,
  children,
  testId,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog ref={dialog} className={styles.dialog} onClose={onClose} aria-labelledby={titleId} data-testid={testId}>
      <div className={styles.form}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </dialog>
  );
}
