// The QR studio's design of a channel's code, saved on the channel and reused by every download.
import { z } from "zod";
import { whenEveryFieldParsed } from "@/lib/schemas/common";

export const errorCorrectionLevels = ["L", "M", "Q", "H"] as const;
export type ErrorCorrectionLevel = (typeof errorCorrectionLevels)[number];

export const minDesignSize = 256;
export const maxDesignSize = 4096;
/** A logo is stored inside the design (a data URL): small enough to keep per channel. */
export const maxLogoBytes = 200 * 1024;
/** The share of the code's width a logo may cover: level H restores up to 30 % damage, a logo of 30 % width covers 9 % of the area. */
export const logoScaleRange = { min: 0.1, max: 0.3 } as const;
/** Below this contrast scanners start to miss codes; the studio warns under `recommendedContrast`. */
export const minContrast = 2;
export const recommendedContrast = 4.5;

const hexColourSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "A colour is #rrggbb")
  .transform((colour) => colour.toLowerCase());

const logoDataUrlPattern = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/;

export const qrLogoSchema = z.object({
  /** PNG, JPEG or WebP as a base64 data URL. */
  dataUrl: z
    .string()
    .regex(logoDataUrlPattern, "The logo is a PNG, JPEG or WebP image")
    .refine((dataUrl) => base64Bytes(dataUrl) <= maxLogoBytes, `The logo is at most ${maxLogoBytes / 1024} KB`),
  scale: z.number().min(logoScaleRange.min).max(logoScaleRange.max).default(0.22),
});
export type QrLogo = z.infer<typeof qrLogoSchema>;

export const qrDesignSchema = z
  .object({
    /** Width of the image in pixels; a caption adds a band below the code. */
    size: z.number().int().min(minDesignSize).max(maxDesignSize).default(1024),
    /** Quiet zone around the code, in modules. */
    margin: z.number().int().min(0).max(16).default(2),
    errorCorrectionLevel: z.enum(errorCorrectionLevels).default("M"),
    foreground: hexColourSchema.default("#000000"),
    background: hexColourSchema.default("#ffffff"),
    logo: qrLogoSchema.nullable().default(null),
    /** The channel's name under the code, for print. */
    caption: z.boolean().default(false),
  })
  .superRefine((design, context) => {
    if (relativeLuminance(design.foreground) >= relativeLuminance(design.background)) {
      context.addIssue({
        code: "custom",
        path: ["foreground"],
        message: "The code must be darker than its background: WeChat does not read inverted codes reliably",
      });
    } else if (contrastRatio(design.foreground, design.background) < minContrast) {
      context.addIssue({
        code: "custom",
        path: ["foreground"],
        message: "The colours are too close: scanners cannot tell the modules apart",
      });
    }
  }, whenEveryFieldParsed);
export type QrDesign = z.infer<typeof qrDesignSchema>;
export type QrDesignInput = z.input<typeof qrDesignSchema>;

export const defaultQrDesign: QrDesign = qrDesignSchema.parse({});

export const qrDesignSaveSchema = z
  .object({
    design: qrDesignSchema,
    /** Save the same design on every channel of this channel's group too. */
    applyToGroup: z.boolean().default(false),
  })
  .strict();
export type QrDesignSaveInput = z.input<typeof qrDesignSaveSchema>;

export const channelQrDesignSchema = z.object({
  design: qrDesignSchema,
  /** false: nothing saved yet, `design` is the default. */
  isSaved: z.boolean(),
  /** Channels that received the design (more than one when applied to the group). */
  appliedTo: z.number().int().optional(),
});
export type ChannelQrDesign = z.infer<typeof channelQrDesignSchema>;

/** A logo forces level H: the code must survive the modules the logo hides. */
export function effectiveErrorCorrectionLevel(
  design: Pick<QrDesign, "logo" | "errorCorrectionLevel">,
): ErrorCorrectionLevel {
  return design.logo ? "H" : design.errorCorrectionLevel;
}

function base64Bytes(dataUrl: string): number {
  const data = dataUrl.slice(dataUrl.indexOf(",") + 1);
  return Math.floor((data.length * 3) / 4) - (data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0);
}

function channelLuminance(value: number): number {
  const share = value / 255;
  return share <= 0.03928 ? share / 12.92 : ((share + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of #rrggbb. */
export function relativeLuminance(hex: string): number {
  const [red, green, blue] = [1, 3, 5].map((start) => channelLuminance(parseInt(hex.slice(start, start + 2), 16)));
  return 0.2126 * red! + 0.7152 * green! + 0.0722 * blue!;
}

/** WCAG contrast ratio, 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}
