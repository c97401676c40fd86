// Listing and reading channels, with their all-time counts.
import { getDb, type Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { toPublicChannel } from "@/lib/channels/channel-records";
import { countsByScene } from "@/lib/channels/channel-counts";
import type { Channel, ChannelList, ChannelListQuery } from "@/lib/schemas/channels";

export async function getChannel(channelId: string): Promise<Channel> {
  const row = await getDb().channel.findUnique({ where: { id: channelId }, include: { tags: true } });
  if (!row) throw notFound("Channel");
  const counts = await countsByScene(row.accountId, [row.scene]);
  return toPublicChannel(row, counts.get(row.scene));
}

function statusFilter(status: ChannelListQuery["status"], now: Date): Prisma.ChannelWhereInput {
  if (status === "archived") return { archivedAt: { not: null } };
  if (status === "expired") return { archivedAt: null, expiresAt: { lte: now } };
  if (status === "active") return { archivedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  return {};
}

/** Newest first; the cursor is the last item's id. */
export async function listChannels(query: ChannelListQuery): Promise<ChannelList> {
  const where: Prisma.ChannelWhereInput = {
    accountId: query.accountId,
    ...statusFilter(query.status, new Date()),
    ...(query.q ? { OR: [{ name: { contains: query.q } }, { scene: { contains: query.q } }, { group: { contains: query.q } }] } : {}),
  };
  const rows = await getDb().channel.findMany({
    where,
    include: { tags: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, query.limit);
  const counts = await countsByScene(query.accountId, page.map((row) => row.scene));
  return {
    items: page.map((row) => toPublicChannel(row, counts.get(row.scene))),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
