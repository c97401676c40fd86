// All-time counts per channel, from the rollups (never from raw events).
import { getDb } from "@/lib/db/client";
import { zeroCounts } from "@/lib/channels/channel-records";
import type { ChannelCounts } from "@/lib/schemas/channels";

export async function countsByScene(accountId: string, scenes: string[]): Promise<Map<string, ChannelCounts>> {
  const result = new Map<string, ChannelCounts>();
  if (scenes.length === 0) return result;
  const db = getDb();
  const [totals, uniques] = await Promise.all([
    db.rollupDay.groupBy({
      by: ["scene"],
      where: { accountId, scene: { in: scenes } },
      _sum: { scans: true, follows: true, unfollows: true },
    }),
    db.scannerDay.groupBy({ by: ["scene", "openid"], where: { accountId, scene: { in: scenes } } }),
  ]);
  const uniqueCount = new Map<string, number>();
  for (const row of uniques) uniqueCount.set(row.scene, (uniqueCount.get(row.scene) ?? 0) + 1);
  for (const scene of scenes) result.set(scene, { ...zeroCounts, uniqueScanners: uniqueCount.get(scene) ?? 0 });
  for (const row of totals) {
    const newFollows = row._sum.follows ?? 0;
    const unfollows = row._sum.unfollows ?? 0;
    result.set(row.scene, {
      scans: row._sum.scans ?? 0,
      uniqueScanners: uniqueCount.get(row.scene) ?? 0,
      newFollows,
      unfollows,
      netFollows: newFollows - unfollows,
    });
  }
  return result;
}
