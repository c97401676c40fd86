import { z } from "zod";
import { whenEveryFieldParsed } from "@/lib/schemas/common";

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
    ...whenEveryFieldParsed,
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

// ---- The sandbox console: fault injection and the record of pushes.

/** The emulator's APIs a fault can target; "*" is every API call, "push" the pushes to the webhook. */
export const sandboxFaultApis = [
  "token",
  "stable_token",
  "qrcode/create",
  "tags/create",
  "tags/get",
  "tags/members/batchtagging",
  "*",
  "push",
] as const;
export type SandboxFaultApi = (typeof sandboxFaultApis)[number];
export const maxFaultLatencyMs = 30_000;

export const sandboxFaultCreateSchema = z
  .object({
    accountId: z.string().min(1).optional(),
    /** Instead of accountId: an emulated app not yet connected (the connect wizard's rehearsal). */
    appId: z
      .string()
      .regex(/^wxsandbox[0-9a-f]{9}$/, "Only an app made by the sandbox emulator")
      .optional(),
    api: z.enum(sandboxFaultApis),
    /** The errcode the next calls answer, e.g. -1 (busy), 45009 (daily quota), 45159 (unknown tag). */
    errcode: z
      .number()
      .int()
      .min(-1)
      .max(99_999)
      .refine((code) => code !== 0, "0 is success, not an error")
      .optional(),
    /** Added before the call is answered (or the push is sent). */
    latencyMs: z.number().int().min(0).max(maxFaultLatencyMs).default(0),
    /** Pushes only: the next pushes are never sent, as when WeChat loses one. */
    dropPush: z.boolean().default(false),
    /** How many calls (or pushes) the fault applies to. */
    count: z.number().int().min(1).max(1000).default(1),
  })
  .superRefine((fault, context) => {
    if (!fault.accountId === !fault.appId)
      context.addIssue({ code: "custom", path: ["accountId"], message: "Give an accountId or an appId" });
    if (fault.api === "push" && fault.errcode !== undefined)
      context.addIssue({ code: "custom", path: ["errcode"], message: "A push has no errcode: drop it or delay it" });
    if (fault.api !== "push" && fault.dropPush)
      context.addIssue({ code: "custom", path: ["dropPush"], message: "Only pushes can be dropped" });
    if (fault.errcode === undefined && fault.latencyMs === 0 && !fault.dropPush) {
      context.addIssue({ code: "custom", path: ["errcode"], message: "Give an errcode, a latency or dropPush" });
    }
  }, whenEveryFieldParsed);
export type SandboxFaultCreateInput = z.input<typeof sandboxFaultCreateSchema>;

export const sandboxFaultSchema = z.object({
  id: z.number(),
  api: z.enum(sandboxFaultApis),
  errcode: z.number().nullable(),
  latencyMs: z.number(),
  dropPush: z.boolean(),
  remaining: z.number(),
  createdAt: z.iso.datetime(),
});
export type SandboxFault = z.infer<typeof sandboxFaultSchema>;
export const sandboxFaultListSchema = z.object({ items: z.array(sandboxFaultSchema) });
export type SandboxFaultList = z.infer<typeof sandboxFaultListSchema>;

export const sandboxAccountQuerySchema = z.object({ accountId: z.string().min(1) });
export const sandboxFaultDeleteQuerySchema = z.object({
  accountId: z.string().min(1),
  id: z.coerce.number().int().positive().optional(),
});

export const sandboxPushListQuerySchema = z.object({
  accountId: z.string().min(1),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const sandboxPushRecordSchema = z.object({
  id: z.number(),
  openid: z.string(),
  event: z.string(),
  eventKey: z.string(),
  targetUrl: z.string(),
  attempts: z.number(),
  replyStatus: z.number().nullable(),
  /** The webhook's reply, decrypted when the account is in safe or compatible mode. */
  reply: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type SandboxPushRecord = z.infer<typeof sandboxPushRecordSchema>;
export const sandboxPushListSchema = z.object({ items: z.array(sandboxPushRecordSchema) });
export type SandboxPushList = z.infer<typeof sandboxPushListSchema>;

/** Work done after a push's reply (auto-tagging), as the sandbox page shows it. */
export const backgroundJobSchema = z.object({
  id: z.number(),
  kind: z.string(),
  status: z.enum(["pending", "done", "failed"]),
  /** For auto-tagging: the follower and the tag. */
  openid: z.string().nullable(),
  tagName: z.string().nullable(),
  channelId: z.string().nullable(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  runAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type BackgroundJob = z.infer<typeof backgroundJobSchema>;
export const backgroundJobListSchema = z.object({ items: z.array(backgroundJobSchema) });
export type BackgroundJobList = z.infer<typeof backgroundJobListSchema>;
