// A designed code as PNG, drawn with Skia (@napi-rs/canvas) over the shared layout. Captions use
// the machine's fonts: install a CJK font (Debian: fonts-noto-cjk) so Chinese names print.
import { createCanvas, loadImage, type Image, type SKRSContext2D } from "@napi-rs/canvas";
import { captionFontFamily, darkRuns, encodeQr, layoutQr, type QrLayout } from "@/lib/qr/layout";
import type { QrDesign } from "@/lib/schemas/qr-design";

// A batch of codes usually shares one logo: decode it once, not once per code.
let decodedLogo: { dataUrl: string; image: Promise<Image> } | null = null;

function logoImageOf(dataUrl: string): Promise<Image> {
  if (decodedLogo?.dataUrl !== dataUrl) {
    const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(",") + 1), "base64");
    decodedLogo = { dataUrl, image: loadImage(bytes) };
  }
  return decodedLogo.image;
}

export async function renderQrPng(text: string, design: QrDesign, caption: string | null): Promise<Buffer> {
  const matrix = encodeQr(text, design);
  const layout = layoutQr(matrix, design, design.caption ? caption : null);
  const canvas = createCanvas(layout.width, layout.height);
  const context = canvas.getContext("2d");
  context.fillStyle = design.background;
  context.fillRect(0, 0, layout.width, layout.height);
  context.fillStyle = design.foreground;
  const { edges, margin } = layout;
  for (const [row, column, length] of darkRuns(matrix)) {
    const left = edges[column + margin]!;
    const top = edges[row + margin]!;
    context.fillRect(left, top, edges[column + margin + length]! - left, edges[row + margin + 1]! - top);
  }
  if (layout.logo && design.logo)
    await drawLogo(context, layout.logo, await logoImageOf(design.logo.dataUrl), design.background);
  if (layout.caption) drawCaption(context, layout.caption, design.foreground);
  return canvas.encode("png");
}

function drawLogo(context: SKRSContext2D, box: NonNullable<QrLayout["logo"]>, image: Image, background: string): void {
  context.fillStyle = background;
  context.beginPath();
  context.roundRect(box.x, box.y, box.size, box.size, box.radius);
  context.fill();
  const inner = box.size - box.padding * 2;
  const scale = Math.min(inner / image.width, inner / image.height);
  const [width, height] = [image.width * scale, image.height * scale];
  context.drawImage(
    image,
    box.x + box.padding + (inner - width) / 2,
    box.y + box.padding + (inner - height) / 2,
    width,
    height,
  );
}

function drawCaption(context: SKRSContext2D, caption: NonNullable<QrLayout["caption"]>, colour: string): void {
  let fontSize = caption.fontSize;
  const fontOf = (size: number) => `${size}px ${captionFontFamily}`;
  context.font = fontOf(fontSize);
  // The layout's estimate is close; the real measure decides.
  const measured = context.measureText(caption.text).width;
  if (measured > caption.maxWidth) {
    fontSize = Math.max(8, Math.floor((fontSize * caption.maxWidth) / measured));
    context.font = fontOf(fontSize);
  }
  context.fillStyle = colour;
  context.textAlign = "center";
  context.fillText(caption.text, caption.centerX, caption.baselineY, caption.maxWidth);
}
