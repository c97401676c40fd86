// Scenes seen in pushes that no channel owns (codes made elsewhere, or before Qudao): creating a
// channel with one of them claims its past events (see createChannel).
import { getDb } from "@/lib/db/client";
import { findAccountRow } from "@/lib/accounts/account-records";
import { maxPermanentScenes, type QrKind, type UnattributedScene } from "@/lib/schemas/channels";
import { qrLimits } from "@/lib/wechat/qrcode-api";

const integerScene = /^[1-9]\d{0,9}$/;
const maxListed = 500;

function claimableKinds(scene: string): QrKind[] {
  if (integerScene.test(scene)) {
    const value = Number(scene);
    if (value <= maxPermanentScenes) return ["permanent", "temporary"];
    return value <= qrLimits.maxTemporarySceneId ? ["temporary"] : [];
  }
  // A string scene of digits only (say "007") cannot be asked for: WeChat would take it as a number.
  return scene.length <= qrLimits.maxSceneStrLength && !/^\d+$/.test(scene) ? ["permanent", "temporary"] : [];
}

export async function listUnattributedScenes(accountId: string): Promise<UnattributedScene[]> {
  await findAccountRow(accountId);
  const db = getDb();
  const [sceneRows, owned] = await Promise.all([
    db.rollupDay.groupBy({
      by: ["scene"],
      where: { accountId, scene: { not: "" } },
      _sum: { scans: true, follows: true },
      _min: { day: true },
    }),
    db.channel.findMany({ where: { accountId }, select: { scene: true } }),
  ]);
  const ownedScenes = new Set(owned.map((channel) => channel.scene));
  const unowned = sceneRows.filter((row) => !ownedScenes.has(row.scene));
  const lastSeen = unowned.length
    ? await db.event.groupBy({
        by: ["scene"],
        where: { accountId, channelId: null, scene: { in: unowned.map((row) => row.scene) } },
        _max: { occurredAt: true },
      })
    : [];
  const lastSeenByScene = new Map(lastSeen.map((row) => [row.scene, row._max.occurredAt]));
  return (
    unowned
      .map((row) => ({
        scene: row.scene,
        sceneType: integerScene.test(row.scene) ? ("int" as const) : ("str" as const),
        scans: row._sum.scans ?? 0,
        follows: row._sum.follows ?? 0,
        firstSeenDay: row._min.day ?? "",
        lastSeenAt: lastSeenByScene.get(row.scene)?.toISOString() ?? null,
        claimableAs: claimableKinds(row.scene),
      }))
      // The scenes worth a channel first: the most scanned, then the most followed, then the latest.
      .sort(
        (a, b) => b.scans - a.scans || b.follows - a.follows || (b.lastSeenAt ?? "").localeCompare(a.lastSeenAt ?? ""),
      )
      .slice(0, maxListed)
  );
}
