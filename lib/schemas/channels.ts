import { z } from "zod";
import { byteLength } from "@/lib/schemas/common";

export const maxPermanentScenes = 100_000;
export const maxTemporaryExpirySeconds = 30 * 24 * 3600;
export const minTemporaryExpirySeconds = 60;
export const defaultTemporaryExpirySeconds = 30 * 24 * 3600;
export const maxWelcomeMessageBytes = 2048;
const maxUint32 = 4_294_967_295;

export const qrKinds = ["permanent", "temporary"] as const;
export type QrKind = (typeof qrKinds)[number];
export const channelStatuses = ["active", "expired", "archived"] as const;

const welcomeMessageSchema = z
  .string()
  .max(4000)
  .refine((text) => byteLength(text) <= maxWelcomeMessageBytes, {
    message: `The welcome message is at most ${maxWelcomeMessageBytes} bytes (about 680 Chinese characters)`,
  });

const stringSceneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64, "A string scene is at most 64 characters")
  .refine((scene) => !/^\d+$/.test(scene), "A scene of only digits is an integer scene: send it as a number");

export const qrOptionsSchema = z
  .object({
    kind: z.enum(qrKinds).default("permanent"),
    scene: z.union([z.number().int(), stringSceneSchema]).optional(),
    expiresInSeconds: z.number().int().min(minTemporaryExpirySeconds).max(maxTemporaryExpirySeconds).optional(),
  })
  .superRefine((qr, context) => {
    if (typeof qr.scene === "number") {
      const [min, max] = qr.kind === "permanent" ? [1, maxPermanentScenes] : [1, maxUint32];
      if (qr.scene < min || qr.scene > max) {
        context.addIssue({ code: "custom", path: ["scene"], message: `An integer scene of a ${qr.kind} code is ${min}–${max}` });
      }
    }
    if (qr.kind === "permanent" && qr.expiresInSeconds !== undefined) {
      context.addIssue({ code: "custom", path: ["expiresInSeconds"], message: "Permanent codes do not expire" });
    }
  });

const channelFields = {
  name: z.string().trim().min(1).max(100),
  group: z.string().trim().max(100).nullable(),
  tags: z.array(z.string().trim().min(1).max(30)).max(20),
  note: z.string().max(1000).nullable(),
  welcomeMessage: welcomeMessageSchema.nullable(),
  // WeChat counts a tag name in bytes (PROTOCOL.md §5): 30 bytes is 10 Chinese characters.
  autoTagName: z
    .string()
    .trim()
    .min(1)
    .refine((name) => byteLength(name) <= 30, { message: "A WeChat tag name is at most 30 bytes (10 Chinese characters)" })
    .nullable(),
};

export const channelCreateSchema = z.object({
  accountId: z.string().min(1),
  name: channelFields.name,
  group: channelFields.group.optional(),
  tags: channelFields.tags.optional(),
  note: channelFields.note.optional(),
  welcomeMessage: channelFields.welcomeMessage.optional(),
  autoTagName: channelFields.autoTagName.optional(),
  qr: qrOptionsSchema.optional(),
});
export type ChannelCreateInput = z.input<typeof channelCreateSchema>;

/** The scene and kind never change after creation. */
export const channelUpdateSchema = z.object(channelFields).partial().strict();
export type ChannelUpdateInput = z.infer<typeof channelUpdateSchema>;

export const channelCountsSchema = z.object({
  scans: z.number(),
  uniqueScanners: z.number(),
  newFollows: z.number(),
  unfollows: z.number(),
  netFollows: z.number(),
});
export type ChannelCounts = z.infer<typeof channelCountsSchema>;

export const channelSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string(),
  group: z.string().nullable(),
  tags: z.array(z.string()),
  note: z.string().nullable(),
  scene: z.string(),
  sceneType: z.enum(["int", "str"]),
  status: z.enum(channelStatuses),
  qr: z.object({
    kind: z.enum(qrKinds),
    ticket: z.string().nullable(),
    url: z.string().nullable(),
    expiresAt: z.iso.datetime().nullable(),
  }),
  welcomeMessage: z.string().nullable(),
  autoTagName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  archivedAt: z.iso.datetime().nullable(),
  /** All-time counts. */
  counts: channelCountsSchema,
});
export type Channel = z.infer<typeof channelSchema>;

export const channelListQuerySchema = z.object({
  accountId: z.string().min(1),
  status: z.enum([...channelStatuses, "all"]).default("all"),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ChannelListQuery = z.infer<typeof channelListQuerySchema>;

export const channelListSchema = z.object({ items: z.array(channelSchema), nextCursor: z.string().nullable() });
export type ChannelList = z.infer<typeof channelListSchema>;

export const qrImageQuerySchema = z.object({
  format: z.enum(["png", "svg"]).default("png"),
  size: z.coerce.number().int().min(64).max(4096).default(512),
});
