// Where everything goes in a designed code: modules, logo, caption. Pure (no Node APIs), so the
// studio's live preview in the browser and the server's PNG and SVG renderers share one layout.
import QRCode from "qrcode";
import { effectiveErrorCorrectionLevel, type QrDesign } from "@/lib/schemas/qr-design";

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  isDark(row: number, column: number): boolean;
}

export interface QrLayout {
  width: number;
  height: number;
  /** The square holding the code and its quiet zone, at the top. */
  codeSize: number;
  /** Modules per side including the quiet zone. */
  modulesPerSide: number;
  margin: number;
  /** Pixel position of each module line (0..modulesPerSide), rounded so modules share edges without seams. */
  edges: number[];
  logo: { x: number; y: number; size: number; padding: number; radius: number } | null;
  caption: { text: string; centerX: number; baselineY: number; maxWidth: number; fontSize: number } | null;
}

/** Font stack for captions: a CJK face first, so Chinese names print in a proper font. */
export const captionFontFamily = `"Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif`;
const captionBandShare = 0.16;
const captionFontShare = 0.065;
const minCaptionFontShare = 0.035;
const maxCaptionCharacters = 80;

export function encodeQr(text: string, design: Pick<QrDesign, "logo" | "errorCorrectionLevel">): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: effectiveErrorCorrectionLevel(design) });
  return { size: modules.size, isDark: (row, column) => modules.data[row * modules.size + column] === 1 };
}

/** Dark runs per row, [row, startColumn, length], so renderers draw one rectangle per run. */
export function darkRuns(matrix: QrMatrix): [number, number, number][] {
  const runs: [number, number, number][] = [];
  for (let row = 0; row < matrix.size; row++) {
    let start = -1;
    for (let column = 0; column <= matrix.size; column++) {
      const isDark = column < matrix.size && matrix.isDark(row, column);
      if (isDark && start < 0) start = column;
      if (!isDark && start >= 0) {
        runs.push([row, start, column - start]);
        start = -1;
      }
    }
  }
  return runs;
}

/** CJK and full-width characters are about 1 em wide, the rest about 0.6 em: enough to fit a caption without measuring. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const character of text)
    ems += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
      character,
    )
      ? 1
      : 0.6;
  return ems * fontSize;
}

export function captionTextOf(name: string): string {
  const characters = [...name.trim()];
  return characters.length > maxCaptionCharacters
    ? `${characters.slice(0, maxCaptionCharacters - 1).join("")}…`
    : characters.join("");
}

export function layoutQr(matrix: QrMatrix, design: QrDesign, caption: string | null): QrLayout {
  const codeSize = design.size;
  const modulesPerSide = matrix.size + design.margin * 2;
  const modulePixels = codeSize / modulesPerSide;
  const edges = Array.from({ length: modulesPerSide + 1 }, (_, index) => Math.round(index * modulePixels));

  let logo: QrLayout["logo"] = null;
  if (design.logo) {
    const size = Math.round(matrix.size * modulePixels * design.logo.scale);
    logo = {
      x: Math.round((codeSize - size) / 2),
      y: Math.round((codeSize - size) / 2),
      size,
      padding: Math.max(2, Math.round(size * 0.08)),
      radius: Math.round(size * 0.12),
    };
  }

  let captionLayout: QrLayout["caption"] = null;
  let height = codeSize;
  const text = caption === null ? "" : captionTextOf(caption);
  if (text) {
    const band = Math.round(codeSize * captionBandShare);
    const maxWidth = Math.round(codeSize * 0.9);
    let fontSize = Math.round(codeSize * captionFontShare);
    const estimated = estimateTextWidth(text, fontSize);
    if (estimated > maxWidth)
      fontSize = Math.max(Math.round(codeSize * minCaptionFontShare), Math.floor((fontSize * maxWidth) / estimated));
    // Centred in the band: a baseline about 0.35 em below the middle centres CJK and Latin alike.
    captionLayout = {
      text,
      centerX: Math.round(codeSize / 2),
      baselineY: codeSize + Math.round(band / 2 + fontSize * 0.35),
      maxWidth,
      fontSize,
    };
    height += band;
  }
  return {
    width: codeSize,
    height,
    codeSize,
    modulesPerSide,
    margin: design.margin,
    edges,
    logo,
    caption: captionLayout,
  };
}
