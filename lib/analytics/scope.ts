// Which scenes a stats query covers: the account's channels, narrowed by channel ids or groups.
import { getDb, Prisma } from "@/lib/db/client";
import { findAccountRow } from "@/lib/accounts/account-records";
import type { StatsQuery } from "@/lib/schemas/stats";

export interface StatsScope {
  accountId: string;
  timezone: string;
  /** Scenes of the channels in scope. */
  channelScenes: Set<string>;
  /** Every scene owned by any channel of the account (to tell unattributed scans apart). */
  ownedScenes: Set<string>;
  isFiltered: boolean;
}

export async function resolveScope(query: Pick<StatsQuery, "accountId" | "channelIds" | "groups">): Promise<StatsScope> {
  const account = await findAccountRow(query.accountId);
  const channels = await getDb().channel.findMany({ where: { accountId: account.id }, select: { id: true, scene: true, group: true } });
  const ids = query.channelIds?.length ? new Set(query.channelIds) : null;
  const groups = query.groups?.length ? new Set(query.groups) : null;
  const inScope = channels.filter((channel) => (!ids || ids.has(channel.id)) && (!groups || (channel.group !== null && groups.has(channel.group))));
  return {
    accountId: account.id,
    timezone: account.timezone,
    channelScenes: new Set(inScope.map((channel) => channel.scene)),
    ownedScenes: new Set(channels.map((channel) => channel.scene)),
    isFiltered: !!ids || !!groups,
  };
}

/** SQL condition on ScannerDay rows (alias s) joined to Channel (alias c) for the scope. */
export function scannerScopeSql(scope: StatsScope): Prisma.Sql {
  if (!scope.isFiltered) return Prisma.empty;
  if (scope.channelScenes.size === 0) return Prisma.sql` AND 1 = 0`;
  return Prisma.sql` AND s."scene" IN (${Prisma.join([...scope.channelScenes])})`;
}
