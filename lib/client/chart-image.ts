// A chart on screen as a file for a slide: the chart's SVG with its title, range and legend drawn
// above it, as SVG or as PNG at twice the size. The page's CSS variables are resolved into the
// copy, because a standalone image has no stylesheet.

export interface ChartLegendEntry {
  label: string;
  color: string;
  isDashed?: boolean;
}

export interface ChartImageText {
  title: string;
  subtitle: string;
  legend: ChartLegendEntry[];
}

const headerHeight = 64;
const legendHeight = 28;
const padding = 16;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Replaces var(--name) with the page's value of --name (colors of series, grid and text). */
function resolveCssVariables(markup: string): string {
  const root = getComputedStyle(document.documentElement);
  return markup.replace(/var\((--[\w-]+)\)/g, (match, name: string) => root.getPropertyValue(name).trim() || match);
}

export function composeChartSvg(
  chart: SVGSVGElement,
  text: ChartImageText,
): { svg: string; width: number; height: number } {
  const chartWidth = Math.ceil(chart.getBoundingClientRect().width);
  const chartHeight = Math.ceil(chart.getBoundingClientRect().height);
  const width = chartWidth + padding * 2;
  const height = headerHeight + legendHeight + chartHeight + padding;
  const clone = chart.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("x", String(padding));
  clone.setAttribute("y", String(headerHeight + legendHeight));
  clone.setAttribute("width", String(chartWidth));
  clone.setAttribute("height", String(chartHeight));
  let legendX = padding;
  const legend = text.legend
    .map((entry) => {
      const swatch = entry.isDashed
        ? `<line x1="${legendX}" y1="${headerHeight + 10}" x2="${legendX + 14}" y2="${headerHeight + 10}" stroke="${entry.color}" stroke-width="2" stroke-dasharray="4 3"/>`
        : `<rect x="${legendX}" y="${headerHeight + 4}" width="12" height="12" rx="3" fill="${entry.color}"/>`;
      const label = `<text x="${legendX + 20}" y="${headerHeight + 14}" font-size="13" fill="#5d6b65">${escapeXml(entry.label)}</text>`;
      legendX += 20 + entry.label.length * 9 + 24;
      return swatch + label;
    })
    .join("");
  const font = getComputedStyle(document.body).fontFamily.replace(/"/g, "'");
  const svg = resolveCssVariables(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(font)}">` +
      `<rect width="100%" height="100%" fill="#ffffff"/>` +
      `<text x="${padding}" y="30" font-size="18" font-weight="600" fill="#17201c">${escapeXml(text.title)}</text>` +
      `<text x="${padding}" y="52" font-size="13" fill="#5d6b65">${escapeXml(text.subtitle)}</text>` +
      legend +
      new XMLSerializer().serializeToString(clone) +
      `</svg>`,
  );
  return { svg, width, height };
}

export function svgBlob(svg: string): Blob {
  return new Blob([svg], { type: "image/svg+xml;charset=utf-8" });
}

/** The SVG drawn on a canvas at `scale` (2 for slides), as a PNG. */
export async function pngBlob(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    const image = new Image();
    image.decoding = "async";
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = width * scale;
    canvas.height = height * scale;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("No 2D canvas");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
