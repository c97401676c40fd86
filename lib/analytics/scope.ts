// Which scenes a stats query covers: the account's channels, narrowed by channel ids or groups.
// Archived channels stay in scope: their scene and history are kept.
import { getDb, Prisma } from "@/lib/db/client";
import { findAccountRow } from "@/lib/accounts/account-records";
import type { StatsFilterQuery } from "@/lib/schemas/stats";

export interface ScopedChannel {
  id: string;
  name: string;
  group: string | null;
  scene: string;
  isArchived: boolean;
}

export interface StatsScope {
  accountId: string;
  timezone: string;
  /** Channels in scope, in creation order. */
  channels: ScopedChannel[];
  /** Scenes of the channels in scope. */
  channelScenes: Set<string>;
  /** Every scene owned by any channel of the account (to tell unattributed scans apart). */
  ownedScenes: Set<string>;
  isFiltered: boolean;
}

export async function resolveScope(
  query: Pick<StatsFilterQuery, "accountId" | "channelIds" | "groups">,
): Promise<StatsScope> {
  const account = await findAccountRow(query.accountId);
  const channels = await getDb().channel.findMany({
    where: { accountId: account.id },
    select: { id: true, name: true, group: true, scene: true, archivedAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const ids = query.channelIds?.length ? new Set(query.channelIds) : null;
  const groups = query.groups?.length ? new Set(query.groups) : null;
  const inScope = channels.filter(
    (channel) => (!ids || ids.has(channel.id)) && (!groups || (channel.group !== null && groups.has(channel.group))),
  );
  return {
    accountId: account.id,
    timezone: account.timezone,
    channels: inScope.map((channel) => ({
      id: channel.id,
      name: channel.name,
      group: channel.group,
      scene: channel.scene,
      isArchived: channel.archivedAt !== null,
    })),
    channelScenes: new Set(inScope.map((channel) => channel.scene)),
    ownedScenes: new Set(channels.map((channel) => channel.scene)),
    isFiltered: !!ids || !!groups,
  };
}

/** ` AND <column> IN (…scenes in scope)`; callers skip the query when the scope has no scene. */
export function sceneInScopeSql(scope: StatsScope, column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql` AND ${column} IN (${Prisma.join([...scope.channelScenes])})`;
}

export function hasScenes(scope: StatsScope): boolean {
  return scope.channelScenes.size > 0;
}
