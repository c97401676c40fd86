// Editing, archiving and restoring. The scene and the kind of code never change; archiving keeps
// the scene, the events and the history, so restoring brings the channel back as it was.
import { getDb } from "@/lib/db/client";
import { getChannel } from "@/lib/channels/read-channels";
import type { Channel, ChannelUpdateInput } from "@/lib/schemas/channels";

export async function updateChannel(channelId: string, input: ChannelUpdateInput): Promise<Channel> {
  const db = getDb();
  await getChannel(channelId);
  await db.$transaction(async (tx) => {
    const { tags, ...fields } = input;
    await tx.channel.update({ where: { id: channelId }, data: fields });
    if (tags) {
      await tx.channelTag.deleteMany({ where: { channelId } });
      await tx.channelTag.createMany({ data: [...new Set(tags)].map((tag) => ({ channelId, tag })) });
    }
  });
  return getChannel(channelId);
}

export async function archiveChannel(channelId: string): Promise<Channel> {
  await getChannel(channelId);
  await getDb().channel.updateMany({ where: { id: channelId, archivedAt: null }, data: { archivedAt: new Date() } });
  return getChannel(channelId);
}

/** Restoring an active channel changes nothing. */
export async function restoreChannel(channelId: string): Promise<Channel> {
  await getChannel(channelId);
  await getDb().channel.updateMany({ where: { id: channelId, archivedAt: { not: null } }, data: { archivedAt: null } });
  return getChannel(channelId);
}
