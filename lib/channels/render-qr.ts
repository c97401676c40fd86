// Renders a code's image from its url, locally: any size, PNG or SVG, no call to WeChat.
import QRCode from "qrcode";
import { getChannel } from "@/lib/channels/read-channels";
import { AppError } from "@/lib/http/errors";

export interface QrImage {
  body: Buffer | string;
  contentType: string;
  fileName: string;
}

export async function renderChannelQr(channelId: string, options: { format: "png" | "svg"; size: number }): Promise<QrImage> {
  const channel = await getChannel(channelId);
  if (!channel.qr.url) throw new AppError("conflict", "This channel has no QR code yet");
  const renderOptions = { errorCorrectionLevel: "M" as const, margin: 2, width: options.size };
  const fileName = `qudao-${channel.scene}.${options.format}`;
  if (options.format === "svg") {
    return { body: await QRCode.toString(channel.qr.url, { ...renderOptions, type: "svg" }), contentType: "image/svg+xml", fileName };
  }
  return { body: await QRCode.toBuffer(channel.qr.url, { ...renderOptions, type: "png" }), contentType: "image/png", fileName };
}
