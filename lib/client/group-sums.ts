// Channel groups by what their channels did in a range: the sums of the per-channel table's scans
// and new follows (unique scanners are not summed — a person may scan in several groups), busiest
// first. Groups with nothing in the range are left out. Used by the overview's group chart and to
// pick the groups a comparison starts with.
import type { ChannelStatsRow } from "@/lib/schemas/stats";

export interface GroupSums {
  /** null: the channels in no group. */
  group: string | null;
  scans: number;
  newFollows: number;
}

export function busiestGroups(rows: Pick<ChannelStatsRow, "group" | "scans" | "newFollows">[]): GroupSums[] {
  const byGroup = new Map<string | null, GroupSums>();
  for (const row of rows) {
    const sums = byGroup.get(row.group) ?? { group: row.group, scans: 0, newFollows: 0 };
    sums.scans += row.scans;
    sums.newFollows += row.newFollows;
    byGroup.set(row.group, sums);
  }
  return [...byGroup.values()]
    .filter((sums) => sums.scans > 0 || sums.newFollows > 0)
    .sort((a, b) => b.scans - a.scans || b.newFollows - a.newFollows);
}
