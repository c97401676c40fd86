"use client";
// The studio's controls: size, quiet zone, error correction (forced to H under a logo), colours
// with a contrast check, a centre logo and the caption.
import { useTranslations } from "next-intl";
import { useId, useState, type ChangeEvent } from "react";
import { Button } from "@/components/ui/button";
import { SegmentedControl } from "@/components/ui/field";
import {
  contrastRatio,
  effectiveErrorCorrectionLevel,
  errorCorrectionLevels,
  logoScaleRange,
  maxDesignSize,
  maxLogoBytes,
  minDesignSize,
  recommendedContrast,
  relativeLuminance,
  type ErrorCorrectionLevel,
  type QrDesign,
} from "@/lib/schemas/qr-design";
import styles from "@/components/studio/studio.module.css";

const sizePresets = [512, 1024, 2048, 4096];
// Logos are scaled down in the browser: a code needs no more, and the design stays small.
const logoMaxPixels = 256;

interface DesignControlsProps {
  design: QrDesign;
  onChange: (design: QrDesign) => void;
  issues: { path: PropertyKey[]; message: string }[];
}

async function logoDataUrlFrom(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, logoMaxPixels / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const png = canvas.toDataURL("image/png");
  // Photos compress badly as PNG: fall back to JPEG when the PNG is over the limit.
  return png.length * 0.75 <= maxLogoBytes ? png : canvas.toDataURL("image/jpeg", 0.85);
}

export function DesignControls({ design, onChange, issues }: DesignControlsProps) {
  const t = useTranslations("channels.studio");
  const id = useId();
  const [logoError, setLogoError] = useState<string | null>(null);
  const set = <Field extends keyof QrDesign>(field: Field, value: QrDesign[Field]) =>
    onChange({ ...design, [field]: value });
  const level = effectiveErrorCorrectionLevel(design);
  const isHex = (colour: string) => /^#[0-9a-fA-F]{6}$/.test(colour);
  const areColoursValid = isHex(design.foreground) && isHex(design.background);
  const contrast = areColoursValid ? contrastRatio(design.foreground, design.background) : 1;
  const isInverted = areColoursValid && relativeLuminance(design.foreground) >= relativeLuminance(design.background);
  const hasColourIssue = issues.some((issue) => issue.path[0] === "foreground" || issue.path[0] === "background");

  async function chooseLogo(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    setLogoError(null);
    try {
      onChange({ ...design, logo: { dataUrl: await logoDataUrlFrom(file), scale: design.logo?.scale ?? 0.22 } });
    } catch {
      setLogoError(t("logoUnreadable"));
    }
  }

  return (
    <div className={styles.controls}>
      <div className={styles.control}>
        <label htmlFor={`${id}-size`} className={styles.controlLabel}>
          {t("size")} <span className={styles.value}>{t("pixels", { pixels: design.size })}</span>
        </label>
        <input
          id={`${id}-size`}
          type="range"
          min={minDesignSize}
          max={maxDesignSize}
          step={64}
          value={design.size}
          onChange={(event) => set("size", Number(event.target.value))}
          data-testid="studio-size-range"
        />
        <div className={styles.presets}>
          {sizePresets.map((size) => (
            <button
              key={size}
              type="button"
              className={styles.preset}
              aria-pressed={design.size === size}
              onClick={() => set("size", size)}
            >
              {size}
            </button>
          ))}
        </div>
      </div>

      <div className={styles.control}>
        <label htmlFor={`${id}-margin`} className={styles.controlLabel}>
          {t("margin")} <span className={styles.value}>{t("modules", { modules: design.margin })}</span>
        </label>
        <input
          id={`${id}-margin`}
          type="range"
          min={0}
          max={16}
          value={design.margin}
          onChange={(event) => set("margin", Number(event.target.value))}
          data-testid="studio-margin"
        />
      </div>

      <div className={styles.control}>
        <SegmentedControl<ErrorCorrectionLevel>
          label={t("errorCorrection")}
          value={level}
          onChange={(value) => set("errorCorrectionLevel", value)}
          options={errorCorrectionLevels.map((value) => ({ value, label: t(`level.${value}`) }))}
        />
        <p className={styles.hint}>{design.logo ? t("levelForced") : t("levelHint")}</p>
      </div>

      <div className={styles.colours}>
        {(["foreground", "background"] as const).map((field) => (
          <div key={field} className={styles.control}>
            <label htmlFor={`${id}-${field}`} className={styles.controlLabel}>
              {t(field)}
            </label>
            <div className={styles.colourRow}>
              <input
                id={`${id}-${field}`}
                type="color"
                value={design[field]}
                onChange={(event) => set(field, event.target.value)}
                data-testid={`studio-${field}`}
              />
              <input
                type="text"
                className={styles.hex}
                value={design[field]}
                aria-label={t(field)}
                maxLength={7}
                onChange={(event) => set(field, event.target.value)}
              />
            </div>
          </div>
        ))}
      </div>
      {hasColourIssue ? (
        <p className={styles.error} role="alert" data-testid="studio-colour-error">
          {!areColoursValid ? t("badColour") : isInverted ? t("inverted") : t("lowContrast")}
        </p>
      ) : contrast < recommendedContrast ? (
        <p className={styles.warning}>{t("contrastWarning", { ratio: contrast.toFixed(1) })}</p>
      ) : null}

      <div className={styles.control}>
        <span className={styles.controlLabel}>{t("logo")}</span>
        <div className={styles.logoRow}>
          {design.logo ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={design.logo.dataUrl} alt="" className={styles.logoThumb} />
          ) : null}
          <label className={styles.fileButton}>
            {design.logo ? t("logoReplace") : t("logoChoose")}
            <input
              type="file"
              accept="image/png,image/jpeg,image/webp"
              onChange={chooseLogo}
              data-testid="studio-logo"
            />
          </label>
          {design.logo ? (
            <Button size="small" variant="ghost" onClick={() => set("logo", null)}>
              {t("logoRemove")}
            </Button>
          ) : null}
        </div>
        {design.logo ? (
          <>
            <label htmlFor={`${id}-logo-scale`} className={styles.controlLabel}>
              {t("logoScale")} <span className={styles.value}>{Math.round(design.logo.scale * 100)}%</span>
            </label>
            <input
              id={`${id}-logo-scale`}
              type="range"
              min={logoScaleRange.min}
              max={logoScaleRange.max}
              step={0.01}
              value={design.logo.scale}
              onChange={(event) =>
                set("logo", design.logo ? { ...design.logo, scale: Number(event.target.value) } : null)
              }
            />
          </>
        ) : (
          <p className={styles.hint}>{t("logoHint")}</p>
        )}
        {logoError ? <p className={styles.error}>{logoError}</p> : null}
      </div>

      <label className={styles.checkbox}>
        <input
          type="checkbox"
          checked={design.caption}
          onChange={(event) => set("caption", event.target.checked)}
          data-testid="studio-caption"
        />
        {t("caption")}
      </label>
    </div>
  );
}
