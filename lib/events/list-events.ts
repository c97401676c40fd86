// Raw events, newest first, paginated by id (stable under concurrent inserts).
import { getDb } from "@/lib/db/client";
import type { EventList, EventListQuery } from "@/lib/schemas/events";

export async function listEvents(query: EventListQuery): Promise<EventList> {
  const rows = await getDb().event.findMany({
    where: {
      accountId: query.accountId,
      ...(query.channelId ? { channelId: query.channelId } : {}),
      ...(query.type ? { type: query.type } : {}),
      ...(query.cursor ? { id: { lt: query.cursor } } : {}),
    },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      accountId: row.accountId,
      openid: row.openid,
      type: row.type as EventList["items"][number]["type"],
      name: row.name,
      scene: row.scene,
      channelId: row.channelId,
      occurredAt: row.occurredAt.toISOString(),
      receivedAt: row.receivedAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.id) : null,
  };
}
