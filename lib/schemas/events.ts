import { z } from "zod";

export const eventTypes = ["subscribe", "scan", "unsubscribe", "other"] as const;

export const eventSchema = z.object({
  id: z.number(),
  accountId: z.string(),
  openid: z.string(),
  type: z.enum(eventTypes),
  name: z.string(),
  scene: z.string(),
  channelId: z.string().nullable(),
  occurredAt: z.iso.datetime(),
  receivedAt: z.iso.datetime(),
});
export type EventItem = z.infer<typeof eventSchema>;

export const eventListQuerySchema = z.object({
  accountId: z.string().min(1),
  channelId: z.string().optional(),
  type: z.enum(eventTypes).optional(),
  /** The id of the last event of the previous page. */
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

export const eventListSchema = z.object({ items: z.array(eventSchema), nextCursor: z.string().nullable() });
export type EventList = z.infer<typeof eventListSchema>;
