"use client";
// The live preview: the same SVG the server would send, drawn from the draft on every change.
// Shown as an <img> of a data URL, so nothing in the design (a caption, a logo) runs as markup.
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { renderQrSvg } from "@/lib/qr/svg";
import type { QrDesign } from "@/lib/schemas/qr-design";
import styles from "@/components/studio/studio.module.css";

export function QrPreview({ url, design, caption }: { url: string; design: QrDesign; caption: string }) {
  const t = useTranslations("channels.studio");
  const source = useMemo(
    () => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(renderQrSvg(url, design, caption))}`,
    [url, design, caption],
  );
  return (
    <div className={styles.preview} style={{ background: design.background }}>
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={source}
        alt={t("previewAlt", { name: caption })}
        className={styles.previewImage}
        data-testid="studio-preview"
      />
    </div>
  );
}
