// A designed code as SVG: the download format for print shops, and the studio's live preview.
// Pure string building over the shared layout, so it runs in the browser as well as on the server.
import { captionFontFamily, darkRuns, encodeQr, estimateTextWidth, layoutQr } from "@/lib/qr/layout";
import type { QrDesign } from "@/lib/schemas/qr-design";

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** `caption` is the text under the code (the channel's name) when the design asks for one. */
export function renderQrSvg(text: string, design: QrDesign, caption: string | null): string {
  const matrix = encodeQr(text, design);
  const layout = layoutQr(matrix, design, design.caption ? caption : null);
  const path = darkRuns(matrix)
    .map(([row, column, length]) => `M${column + layout.margin} ${row + layout.margin}h${length}v1h-${length}z`)
    .join("");
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">`,
    `<rect width="${layout.width}" height="${layout.height}" fill="${design.background}"/>`,
    // Module units inside, pixels outside: exact squares at any size, no seams between rows.
    `<svg width="${layout.codeSize}" height="${layout.codeSize}" viewBox="0 0 ${layout.modulesPerSide} ${layout.modulesPerSide}" shape-rendering="crispEdges">`,
    `<path fill="${design.foreground}" d="${path}"/>`,
    `</svg>`,
  ];
  if (layout.logo && design.logo) {
    const { x, y, size, padding, radius } = layout.logo;
    parts.push(
      `<rect x="${x}" y="${y}" width="${size}" height="${size}" rx="${radius}" fill="${design.background}"/>`,
      `<image x="${x + padding}" y="${y + padding}" width="${size - padding * 2}" height="${size - padding * 2}" preserveAspectRatio="xMidYMid meet" href="${design.logo.dataUrl}"/>`,
    );
  }
  if (layout.caption) {
    const { text: captionText, centerX, baselineY, maxWidth, fontSize } = layout.caption;
    // Only squeeze when the estimate says it would not fit: viewers' fonts differ.
    const squeeze =
      estimateTextWidth(captionText, fontSize) > maxWidth
        ? ` textLength="${maxWidth}" lengthAdjust="spacingAndGlyphs"`
        : "";
    parts.push(
      `<text x="${centerX}" y="${baselineY}" text-anchor="middle" font-family="${escapeXml(captionFontFamily)}" font-size="${fontSize}" fill="${design.foreground}"${squeeze}>${escapeXml(captionText)}</text>`,
    );
  }
  parts.push(`</svg>`);
  return parts.join("");
}
