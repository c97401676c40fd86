// A wide table's frame: it scrolls sideways inside its card (never the page), and since it scrolls
// it is a named region that takes keyboard focus, so arrow keys reach the columns off screen.
import type { ReactNode } from "react";

export function ScrollRegion({
  className,
  label,
  children,
}: {
  className?: string;
  label: string;
  children: ReactNode;
}) {
  return (
    // position: relative makes the region the containing block of visually hidden labels inside
    // (position: absolute): otherwise they sit off its right edge and widen the page.
    <div className={className} role="region" aria-label={label} tabIndex={0} style={{ position: "relative" }}>
      {children}
    </div>
  );
}
