"use client";
// The actions of one table row, behind a small menu so the table stays narrow. The list is placed
// against the viewport (position: fixed), so a table that scrolls sideways never clips it; it
// closes on a choice, a click elsewhere, Escape or a scroll.
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";
import tableStyles from "@/components/team/table.module.css";
import uiStyles from "@/components/ui/ui.module.css";

export interface RowAction {
  key: string;
  label: string;
  onSelect: () => void;
  isDanger?: boolean;
}

const menuWidth = 220;

export function RowMenu({ label, actions, testId }: { label: ReactNode; actions: RowAction[]; testId?: string }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const [placement, setPlacement] = useState<CSSProperties | null>(null);

  useEffect(() => {
    if (!placement) return;
    const close = () => menu.current?.removeAttribute("open");
    const closeOutside = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) close();
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === "Escape") close();
    };
    window.addEventListener("scroll", close, true);
    window.addEventListener("resize", close);
    document.addEventListener("pointerdown", closeOutside);
    document.addEventListener("keydown", closeOnEscape);
    return () => {
      window.removeEventListener("scroll", close, true);
      window.removeEventListener("resize", close);
      document.removeEventListener("pointerdown", closeOutside);
      document.removeEventListener("keydown", closeOnEscape);
    };
  }, [placement]);

  function placeOnToggle() {
    const details = menu.current;
    if (!details?.open) return setPlacement(null);
    const rect = details.getBoundingClientRect();
    // Under the button, aligned to its right edge unless that would run off the left of the screen.
    const fitsLeftwards = rect.right - menuWidth >= 8;
    setPlacement({
      position: "fixed",
      top: rect.bottom + 6,
      marginTop: 0,
      width: menuWidth,
      ...(fitsLeftwards ? { left: rect.right - menuWidth } : { left: Math.max(8, rect.left) }),
    });
  }

  if (actions.length === 0) return null;
  return (
    <details ref={menu} className={tableStyles.menu} data-testid={testId} onToggle={placeOnToggle}>
      <summary className={`${uiStyles.button} ${uiStyles.secondary} ${uiStyles.small}`}>{label} ▾</summary>
      <div className={tableStyles.menuItems} role="menu" style={placement ?? undefined}>
        {actions.map((action) => (
          <button
            key={action.key}
            type="button"
            role="menuitem"
            className={[tableStyles.menuItem, action.isDanger ? tableStyles.menuItemDanger : ""].join(" ")}
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
