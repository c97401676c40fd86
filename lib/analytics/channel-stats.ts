// The per-channel table: every channel in scope with its counts over the range, exact unique
// scanners and retention after 1, 7 and 30 days, busiest first.
import { resolveScope } from "@/lib/analytics/scope";
import { sumRollupsWithRetentionByScene } from "@/lib/analytics/scene-rollups";
import { countUniqueScannersByScene } from "@/lib/analytics/unique-scanners";
import { planRanges } from "@/lib/analytics/range-plan";
import { todayIn } from "@/lib/time/zone";
import type { ChannelStats, StatsFilterQuery } from "@/lib/schemas/stats";

const noRetention = { d1: null, d7: null, d30: null };

export async function getChannelStats(query: StatsFilterQuery, now = new Date()): Promise<ChannelStats> {
  const scope = await resolveScope(query);
  const [plan] = await planRanges(scope.accountId, [{ from: query.from, to: query.to }]);
  const [rollups, uniques] = await Promise.all([
    sumRollupsWithRetentionByScene(scope.accountId, plan!, todayIn(scope.timezone, now)),
    countUniqueScannersByScene(scope.accountId, plan!),
  ]);
  const rows = scope.channels.map((channel) => {
    const channelRollup = rollups.get(channel.scene);
    const channelSums = channelRollup?.sums;
    const newFollows = channelSums?.follows ?? 0;
    const unfollows = channelSums?.unfollows ?? 0;
    return {
      channelId: channel.id,
      name: channel.name,
      group: channel.group,
      scene: channel.scene,
      isArchived: channel.isArchived,
      scans: channelSums?.scans ?? 0,
      uniqueScanners: uniques.get(channel.scene) ?? 0,
      newFollows,
      unfollows,
      netFollows: newFollows - unfollows,
      retention: channelRollup?.retention ?? noRetention,
    };
  });
  rows.sort((a, b) => b.scans - a.scans || b.newFollows - a.newFollows || a.name.localeCompare(b.name));
  return { rows };
}
