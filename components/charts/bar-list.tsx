// Horizontal bars for a handful of labelled values (groups compared): plain HTML, readable in any
// language, no axis to squeeze Chinese labels into.
import styles from "@/components/charts/bar-list.module.css";

export interface BarListItem {
  key: string;
  label: string;
  values: { value: number; color: string; label: string }[];
}

export function BarList({
  items,
  formatNumber,
  ariaLabel,
}: {
  items: BarListItem[];
  formatNumber: (value: number) => string;
  ariaLabel: string;
}) {
  const max = Math.max(1, ...items.flatMap((item) => item.values.map((entry) => entry.value)));
  // Each bar's colour is named once, above the bars, when there is more than one per item.
  const legend = (items[0]?.values.length ?? 0) > 1 ? items[0]!.values : [];
  return (
    <>
      {legend.length ? (
        <p className={styles.legend} aria-hidden>
          {legend.map((entry) => (
            <span key={entry.label} className={styles.legendItem}>
              <span className={styles.legendSwatch} style={{ background: entry.color }} />
              {entry.label}
            </span>
          ))}
        </p>
      ) : null}
      <ul className={styles.list} aria-label={ariaLabel}>
        {items.map((item) => (
          <li key={item.key} className={styles.item}>
            <span className={styles.label} title={item.label}>
              {item.label}
            </span>
            <span className={styles.bars}>
              {item.values.map((entry) => (
                <span
                  key={entry.label}
                  className={styles.barRow}
                  title={`${entry.label}: ${formatNumber(entry.value)}`}
                >
                  <span
                    className={styles.bar}
                    style={{
                      width: `calc((100% - 56px) * ${Math.max(0.004, entry.value / max)})`,
                      background: entry.color,
                    }}
                  />
                  <span className={`tabular ${styles.value}`}>{formatNumber(entry.value)}</span>
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
