import { z } from "zod";

const openidSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, "An openid is 6–64 letters, digits, - or _");

export const sandboxScanSchema = z
  .object({
    channelId: z.string().min(1).optional(),
    accountId: z.string().min(1).optional(),
    scene: z.union([z.number().int().positive(), z.string().min(1).max(64)]).optional(),
    /** The scanner; a new random follower when left out. */
    openid: openidSchema.optional(),
  })
  .refine((input) => input.channelId || (input.accountId && input.scene !== undefined), {
    message: "Give a channelId, or an accountId and a scene",
  });
export type SandboxScanInput = z.infer<typeof sandboxScanSchema>;

export const sandboxUnfollowSchema = z.object({ accountId: z.string().min(1), openid: openidSchema });
export type SandboxUnfollowInput = z.infer<typeof sandboxUnfollowSchema>;

export const sandboxPushResultSchema = z.object({
  event: z.enum(["subscribe", "SCAN", "unsubscribe"]),
  openid: z.string(),
  eventKey: z.string(),
  attempts: z.number(),
  replyStatus: z.number().nullable(),
  /** The webhook's reply, decrypted when the account is in safe or compatible mode. */
  reply: z.string().nullable(),
  error: z.string().nullable(),
});
export type SandboxPushResult = z.infer<typeof sandboxPushResultSchema>;
