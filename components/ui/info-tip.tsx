"use client";
// A small "?" that explains a term on hover or keyboard focus (metric definitions). The bubble
// opens towards the middle of the screen so it is never cut off at an edge.
import { useId, useState, type SyntheticEvent } from "react";
import styles from "@/components/ui/feedback.module.css";

export function InfoTip({ label, text }: { label: string; text: string }) {
  const id = useId();
  const [side, setSide] = useState<"start" | "end">("start");
  const chooseSide = (event: SyntheticEvent<HTMLElement>) => {
    const { left } = event.currentTarget.getBoundingClientRect();
    setSide(left > window.innerWidth / 2 ? "end" : "start");
  };
  return (
    <span className={styles.tip} onMouseEnter={chooseSide} onFocus={chooseSide}>
      <button type="button" className={styles.tipTrigger} aria-label={label} aria-describedby={id}>
        ?
      </button>
      <span
        id={id}
        role="tooltip"
        className={`${styles.tipBubble} ${side === "end" ? styles.tipEnd : styles.tipStart}`}
      >
        {text}
      </span>
    </span>
  );
}
