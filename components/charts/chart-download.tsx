"use client";
// "Download chart" beside a chart: PNG at 2× (for slides) or SVG, with the chart's title, range
// and legend in the image. Wraps the chart and finds its SVG when asked.
import { useTranslations } from "next-intl";
import { useRef, useState, type ReactNode } from "react";
import { InlineError } from "@/components/ui/error-state";
import { composeChartSvg, pngBlob, svgBlob, type ChartLegendEntry } from "@/lib/client/chart-image";
import { saveBlob } from "@/lib/client/save-file";
import buttonStyles from "@/components/ui/ui.module.css";
import styles from "@/components/reports/reports.module.css";

interface ChartDownloadProps {
  title: string;
  subtitle: string;
  legend?: ChartLegendEntry[];
  fileName: string;
  children: ReactNode;
}

export function ChartDownload({ title, subtitle, legend = [], fileName, children }: ChartDownloadProps) {
  const t = useTranslations("reports.chart");
  const chart = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const [error, setError] = useState<unknown>(null);

  const download = async (format: "png" | "svg") => {
    menu.current?.removeAttribute("open");
    setError(null);
    try {
      // The plot's own SVG (Recharts draws icons in the legend as small SVGs too: take the largest).
      const svgs = [...(chart.current?.querySelectorAll("svg") ?? [])];
      const surface = svgs.sort((a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width)[0];
      if (!surface) return;
      const image = composeChartSvg(surface, { title, subtitle, legend });
      const blob = format === "svg" ? svgBlob(image.svg) : await pngBlob(image.svg, image.width, image.height, 2);
      saveBlob(blob, `${fileName}.${format}`);
    } catch (downloadError) {
      setError(downloadError);
    }
  };

  return (
    <div>
      <div style={{ display: "flex", justifyContent: "flex-end" }} data-print-hidden>
        <details className={styles.menu} ref={menu} data-testid="chart-download">
          <summary className={`${buttonStyles.button} ${buttonStyles.ghost} ${buttonStyles.small}`}>
            {t("download")}
          </summary>
          <div className={styles.menuItems}>
            <button
              type="button"
              className={styles.menuItem}
              onClick={() => download("png")}
              data-testid="chart-download-png"
            >
              {t("png")}
            </button>
            <button
              type="button"
              className={styles.menuItem}
              onClick={() => download("svg")}
              data-testid="chart-download-svg"
            >
              {t("svg")}
            </button>
          </div>
        </details>
      </div>
      {error ? <InlineError error={error} /> : null}
      <div ref={chart}>{children}</div>
    </div>
  );
}
