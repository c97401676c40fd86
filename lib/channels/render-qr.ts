// Renders a code's image from its url, locally, with the channel's saved design: any size, PNG or
// SVG, no call to WeChat.
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import { renderQrPng } from "@/lib/qr/png";
import { renderQrSvg } from "@/lib/qr/svg";
import { parseSavedDesign } from "@/lib/channels/qr-design";
import { safeFileBaseName } from "@/lib/channels/file-names";
import { defaultQrDesign, type QrDesign } from "@/lib/schemas/qr-design";
import type { QrImageFormat, QrImageQuery } from "@/lib/schemas/channels";

export interface QrImage {
  body: Buffer | string;
  contentType: string;
  /** Named after the channel (Chinese kept). */
  fileName: string;
  /** For clients that only read the plain filename parameter. */
  asciiFileName: string;
}

export const contentTypeByFormat: Record<QrImageFormat, string> = { png: "image/png", svg: "image/svg+xml" };

/** The saved design (or the default) with the request's overrides. Overridden sizes below the studio's minimum are thumbnails. */
export function designFor(saved: string | null, overrides: { size?: number; caption?: boolean }): QrDesign {
  const design = parseSavedDesign(saved) ?? defaultQrDesign;
  return {
    ...design,
    ...(overrides.size ? { size: overrides.size } : {}),
    ...(overrides.caption !== undefined ? { caption: overrides.caption } : {}),
  };
}

export async function renderQrImage(
  url: string,
  design: QrDesign,
  format: QrImageFormat,
  caption: string,
): Promise<Buffer | string> {
  return format === "svg" ? renderQrSvg(url, design, caption) : renderQrPng(url, design, caption);
}

export async function renderChannelQr(channelId: string, query: QrImageQuery): Promise<QrImage> {
  const channel = await getDb().channel.findUnique({
    where: { id: channelId },
    select: { name: true, scene: true, url: true, qrDesign: true },
  });
  if (!channel) throw notFound("Channel");
  if (!channel.url) throw new AppError("conflict", "This channel has no QR code yet");
  const design = designFor(channel.qrDesign, query);
  const fallback = `qudao-${channel.scene}`.replace(/[^A-Za-z0-9._-]/g, "_");
  return {
    body: await renderQrImage(channel.url, design, query.format, channel.name),
    contentType: contentTypeByFormat[query.format],
    fileName: `${safeFileBaseName(channel.name, fallback)}.${query.format}`,
    asciiFileName: `${fallback}.${query.format}`,
  };
}
