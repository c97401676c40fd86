// The public shape of a channel, and its status derived from archive and expiry times.
import type { Channel as ChannelRow } from "@/lib/db/generated/sqlite/client";
import type { Channel, ChannelCounts } from "@/lib/schemas/channels";

export type ChannelRowWithTags = ChannelRow & { tags: { tag: string }[] };

export const zeroCounts: ChannelCounts = { scans: 0, uniqueScanners: 0, newFollows: 0, unfollows: 0, netFollows: 0 };

export function channelStatusOf(
  row: Pick<ChannelRow, "archivedAt" | "expiresAt">,
  now = new Date(),
): Channel["status"] {
  if (row.archivedAt) return "archived";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  return "active";
}

export function toPublicChannel(row: ChannelRowWithTags, counts: ChannelCounts = zeroCounts): Channel {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    group: row.group,
    tags: row.tags.map((tag) => tag.tag).sort(),
    note: row.note,
    scene: row.scene,
    sceneType: row.sceneType as Channel["sceneType"],
    status: channelStatusOf(row),
    qr: {
      kind: row.qrKind as Channel["qr"]["kind"],
      ticket: row.ticket,
      url: row.url,
      expiresAt: row.expiresAt?.toISOString() ?? null,
    },
    welcomeMessage: row.welcomeMessage,
    autoTagName: row.autoTagName,
    createdAt: row.createdAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    counts,
  };
}
