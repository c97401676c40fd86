import { z } from "zod";
import { byteLength, isoDateSchema, whenEveryFieldParsed } from "@/lib/schemas/common";
import { checkRange, maxRangeDays, retentionSchema } from "@/lib/schemas/stats";

export const maxPermanentScenes = 100_000;
export const maxTemporaryExpirySeconds = 30 * 24 * 3600;
export const minTemporaryExpirySeconds = 60;
export const defaultTemporaryExpirySeconds = 30 * 24 * 3600;
export const maxWelcomeMessageBytes = 2048;
/** A temporary code's integer scene is WeChat's 32-bit unsigned scene_id. */
const maxUint32 = 4_294_967_295;
export const maxChannelNameLength = 100;
export const maxChannelGroupLength = 100;
export const maxChannelTagLength = 30;
export const maxSceneTextLength = 64;
/** WeChat counts a tag name in bytes (PROTOCOL.md §5): 30 bytes is 10 Chinese characters. */
export const maxWechatTagNameBytes = 30;

/** The quota meter warns from this share of the permanent quota on, and calls it critical from the next. */
export const permanentQuotaWarningShare = 0.8;
export const permanentQuotaCriticalShare = 0.95;

export const qrKinds = ["permanent", "temporary"] as const;
export type QrKind = (typeof qrKinds)[number];
export const sceneTypes = ["int", "str"] as const;
export type SceneType = (typeof sceneTypes)[number];
export const channelStatuses = ["active", "expired", "archived"] as const;
export type ChannelStatus = (typeof channelStatuses)[number];

const welcomeMessageSchema = z
  .string()
  .max(4000)
  .refine((text) => byteLength(text) <= maxWelcomeMessageBytes, {
    message: `The welcome message is at most ${maxWelcomeMessageBytes} bytes (about 680 Chinese characters)`,
  });

/** The largest integer scene of a code of this kind (the smallest is 1). */
export function maxIntegerSceneOf(kind: QrKind): number {
  return kind === "permanent" ? maxPermanentScenes : maxUint32;
}

export const stringSceneSchema = z
  .string()
  .trim()
  .min(1)
  .max(maxSceneTextLength, `A string scene is at most ${maxSceneTextLength} characters`)
  .refine((scene) => !/^\d+$/.test(scene), "A scene of only digits is an integer scene: send it as a number");

export const qrOptionsSchema = z
  .object({
    kind: z.enum(qrKinds).default("permanent"),
    scene: z.union([z.number().int(), stringSceneSchema]).optional(),
    /** When no scene is given: the next free integer (int, the default) or a readable slug of the name (str). */
    sceneType: z.enum(sceneTypes).optional(),
    expiresInSeconds: z.number().int().min(minTemporaryExpirySeconds).max(maxTemporaryExpirySeconds).optional(),
  })
  .superRefine((qr, context) => {
    if (typeof qr.scene === "number") {
      const [min, max] = [1, maxIntegerSceneOf(qr.kind)];
      if (qr.scene < min || qr.scene > max) {
        context.addIssue({
          code: "custom",
          path: ["scene"],
          message: `An integer scene of a ${qr.kind} code is ${min}–${max}`,
        });
      }
    }
    if (
      qr.scene !== undefined &&
      qr.sceneType !== undefined &&
      qr.sceneType !== (typeof qr.scene === "number" ? "int" : "str")
    ) {
      context.addIssue({
        code: "custom",
        path: ["sceneType"],
        message: "The scene type does not match the scene given",
      });
    }
    if (qr.kind === "permanent" && qr.expiresInSeconds !== undefined) {
      context.addIssue({ code: "custom", path: ["expiresInSeconds"], message: "Permanent codes do not expire" });
    }
  }, whenEveryFieldParsed);

export const channelTagSchema = z.string().trim().min(1).max(maxChannelTagLength);

/** Each field's schema, shared by the API and the forms that check it before a request. */
export const channelFields = {
  name: z.string().trim().min(1).max(maxChannelNameLength),
  group: z.string().trim().max(maxChannelGroupLength).nullable(),
  tags: z.array(channelTagSchema).max(20),
  note: z.string().max(1000).nullable(),
  welcomeMessage: welcomeMessageSchema.nullable(),
  autoTagName: z
    .string()
    .trim()
    .min(1)
    .refine((name) => byteLength(name) <= maxWechatTagNameBytes, {
      message: "A WeChat tag name is at most 30 bytes (10 Chinese characters)",
    })
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
  /** With `from` and `to` in the list's query: the counts and retention over that range, as the stats API gives them. */
  inRange: channelCountsSchema.extend({ retention: retentionSchema }).optional(),
});
export type Channel = z.infer<typeof channelSchema>;

/**
 * Sortable columns: the channel's own fields, every count (all-time, or over the list's range when
 * it has one) and, with a range, the retention after 1, 7 and 30 days.
 */
export const channelSortFields = [
  "createdAt",
  "name",
  "scans",
  "uniqueScanners",
  "newFollows",
  "unfollows",
  "netFollows",
  "retentionD1",
  "retentionD7",
  "retentionD30",
] as const;
export type ChannelSortField = (typeof channelSortFields)[number];
export const countSortFields = [
  "scans",
  "uniqueScanners",
  "newFollows",
  "unfollows",
  "netFollows",
] as const satisfies readonly ChannelSortField[];
export const retentionSortFields = {
  retentionD1: "d1",
  retentionD7: "d7",
  retentionD30: "d30",
} as const satisfies Partial<Record<ChannelSortField, keyof z.infer<typeof retentionSchema>>>;

export const channelListQuerySchema = z
  .object({
    accountId: z.string().min(1),
    status: z.enum([...channelStatuses, "all"]).default("all"),
    /** Part of the name, scene or group. */
    q: z.string().trim().max(100).optional(),
    group: z.string().trim().min(1).max(100).optional(),
    tag: z.string().trim().min(1).max(30).optional(),
    kind: z.enum(qrKinds).optional(),
    /** Only these channels (comma-separated): a print sheet of a selection. */
    ids: z
      .preprocess(
        (value) =>
          typeof value === "string"
            ? value
                .split(",")
                .map((part) => part.trim())
                .filter(Boolean)
            : value,
        z.array(z.string().min(1)).max(500),
      )
      .optional(),
    sort: z.enum(channelSortFields).default("createdAt"),
    order: z.enum(["asc", "desc"]).default("desc"),
    /** Items to skip. `cursor` (the previous page's nextCursor) means the same. */
    offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
    cursor: z.string().regex(/^\d+$/, "A cursor is the nextCursor of the previous page").optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    /** Inclusive dates in the account's zone: each channel's `inRange` counts, and what count sorts use. */
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .superRefine((query, context) => {
    if ((query.from === undefined) !== (query.to === undefined)) {
      const missing = query.from === undefined ? "from" : "to";
      context.addIssue({ code: "custom", path: [missing], message: "from and to go together" });
    } else if (query.from !== undefined && query.to !== undefined) {
      checkRange({ from: query.from, to: query.to }, context, maxRangeDays);
    } else if (query.sort in retentionSortFields) {
      context.addIssue({ code: "custom", path: ["sort"], message: "Sorting by retention needs from and to" });
    }
  }, whenEveryFieldParsed);
export type ChannelListQuery = z.infer<typeof channelListQuerySchema>;

export const channelListSchema = z.object({
  items: z.array(channelSchema),
  /** Channels matching the filters, over all pages. */
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type ChannelList = z.infer<typeof channelListSchema>;

/** The groups and tags in use, for the list's filters. */
export const channelFacetsSchema = z.object({
  groups: z.array(z.object({ name: z.string(), count: z.number().int() })),
  tags: z.array(z.object({ name: z.string(), count: z.number().int() })),
});
export type ChannelFacets = z.infer<typeof channelFacetsSchema>;

export const accountQuerySchema = z.object({ accountId: z.string().min(1) });

export const permanentQuotaSchema = z.object({
  /** Permanent codes the account has created through Qudao (archived ones too: WeChat never gives them back). */
  used: z.number().int(),
  limit: z.number().int(),
  remaining: z.number().int(),
  level: z.enum(["ok", "warning", "critical"]),
});
export type PermanentQuota = z.infer<typeof permanentQuotaSchema>;

export const channelRenewSchema = z
  .object({
    expiresInSeconds: z.number().int().min(minTemporaryExpirySeconds).max(maxTemporaryExpirySeconds).optional(),
  })
  .strict();
export type ChannelRenewInput = z.infer<typeof channelRenewSchema>;

/** A scene seen in pushes that no channel owns: a code made elsewhere, or one whose channel is gone. */
export const unattributedSceneSchema = z.object({
  scene: z.string(),
  sceneType: z.enum(sceneTypes),
  scans: z.number().int(),
  follows: z.number().int(),
  firstSeenDay: z.string(),
  lastSeenAt: z.iso.datetime().nullable(),
  /** The kinds of code a channel claiming this scene can be (an integer over 100 000 is temporary only). */
  claimableAs: z.array(z.enum(qrKinds)),
});
export type UnattributedScene = z.infer<typeof unattributedSceneSchema>;
export const unattributedSceneListSchema = z.object({ items: z.array(unattributedSceneSchema) });

export const qrImageFormats = ["png", "svg"] as const;
export type QrImageFormat = (typeof qrImageFormats)[number];

/** "1"/"0" or "true"/"false" in a query string, or a JSON boolean. */
const flagSchema = z.preprocess(
  (value) => (value === "1" || value === "true" ? true : value === "0" || value === "false" ? false : value),
  z.boolean(),
);

/** The saved design decides everything; the query may override the size and the caption (thumbnails, print sheets). */
export const qrImageQuerySchema = z.object({
  format: z.enum(qrImageFormats).default("png"),
  size: z.coerce.number().int().min(64).max(4096).optional(),
  caption: flagSchema.optional(),
  /** Answer as an attachment named after the channel. */
  download: flagSchema.optional(),
});
export type QrImageQuery = z.infer<typeof qrImageQuerySchema>;

export const maxArchiveChannels = 2000;

/**
 * Which codes go into a ZIP: explicit ids (comma-separated in a query string, an array in a JSON
 * body), or every channel of an account, optionally of one group.
 */
export const qrArchiveSelectionSchema = z
  .object({
    ids: z
      .preprocess(
        (value) =>
          typeof value === "string"
            ? value
                .split(",")
                .map((part) => part.trim())
                .filter(Boolean)
            : value,
        z.array(z.string().min(1)).min(1).max(maxArchiveChannels, `A ZIP holds at most ${maxArchiveChannels} codes`),
      )
      .optional(),
    accountId: z.string().min(1).optional(),
    group: z.string().trim().min(1).max(100).optional(),
    /** With accountId: archived channels are left out unless asked for. */
    includeArchived: flagSchema.optional(),
    format: z.enum(qrImageFormats).default("png"),
    size: z.coerce.number().int().min(64).max(4096).optional(),
  })
  .refine((selection) => selection.ids !== undefined || selection.accountId !== undefined, {
    ...whenEveryFieldParsed,
    message: "Give ids, or an accountId (and optionally a group)",
  });
export type QrArchiveSelection = z.infer<typeof qrArchiveSelectionSchema>;
