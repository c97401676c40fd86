// Picks a scene when the marketer gives none: the next free integer for the account.
import { getDb } from "@/lib/db/client";
import { maxPermanentScenes } from "@/lib/schemas/channels";

const integerScene = /^[1-9]\d{0,9}$/;

/**
 * One past the highest integer scene in use, counting scenes seen in pushes that no channel owns
 * (a code made elsewhere): a new channel must not silently claim someone else's history.
 */
export async function nextFreeIntegerScene(accountId: string): Promise<number> {
  const db = getDb();
  const [channelScenes, pushedScenes] = await Promise.all([
    db.channel.findMany({ where: { accountId, sceneType: "int" }, select: { scene: true } }),
    db.rollupDay.groupBy({ by: ["scene"], where: { accountId, scene: { not: "" } } }),
  ]);
  const used = new Set<number>();
  for (const { scene } of [...channelScenes, ...pushedScenes]) if (integerScene.test(scene)) used.add(Number(scene));
  const highest = Math.max(0, ...used);
  if (highest < maxPermanentScenes) return highest + 1;
  // Past the permanent range: fill a gap instead.
  for (let candidate = 1; candidate <= maxPermanentScenes; candidate++) if (!used.has(candidate)) return candidate;
  return highest + 1;
}
