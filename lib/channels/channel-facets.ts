// The groups and tags an account's channels use, with how many channels each: the list's filters.
import { getDb } from "@/lib/db/client";
import { findAccountRow } from "@/lib/accounts/account-records";
import type { ChannelFacets } from "@/lib/schemas/channels";

export async function getChannelFacets(accountId: string): Promise<ChannelFacets> {
  await findAccountRow(accountId);
  const db = getDb();
  const [groups, tags] = await Promise.all([
    db.channel.groupBy({ by: ["group"], where: { accountId, group: { not: null } }, _count: { _all: true } }),
    db.channelTag.groupBy({ by: ["tag"], where: { channel: { accountId } }, _count: { _all: true } }),
  ]);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "zh-Hans-CN");
  return {
    groups: groups
      .flatMap((row) => (row.group === null ? [] : [{ name: row.group, count: row._count._all }]))
      .sort(byName),
    tags: tags.map((row) => ({ name: row.tag, count: row._count._all })).sort(byName),
  };
}
