// A short status label (channel status, QR kind, event type).
import type { ReactNode } from "react";
import styles from "@/components/ui/feedback.module.css";

export type BadgeTone = "neutral" | "green" | "blue" | "red" | "amber";

const toneClass: Record<BadgeTone, string | undefined> = {
  neutral: undefined,
  green: styles.badgeGreen,
  blue: styles.badgeBlue,
  red: styles.badgeRed,
  amber: styles.badgeAmber,
};

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={[styles.badge, toneClass[tone]].filter(Boolean).join(" ")}>{children}</span>;
}
