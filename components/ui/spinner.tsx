// Loading indicators: a spinner for actions, skeletons for content whose shape is known.
import type { CSSProperties } from "react";
import styles from "@/components/ui/feedback.module.css";

export function Spinner({ label }: { label?: string }) {
  return (
    <span
      className={styles.spinner}
      role={label ? "status" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    />
  );
}

export function Skeleton({
  width = "100%",
  height = 16,
  style,
}: {
  width?: CSSProperties["width"];
  height?: CSSProperties["height"];
  style?: CSSProperties;
}) {
  return <span className={styles.skeleton} style={{ width, height, ...style }} aria-hidden />;
}

/** Placeholder rows for a list or table whose rows are about this tall. */
export function SkeletonRows({ rows = 4, height = 36 }: { rows?: number; height?: number }) {
  return (
    <div className={styles.skeletonRows} aria-busy>
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={height} />
      ))}
    </div>
  );
}
