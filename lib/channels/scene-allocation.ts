// Picks a scene when the marketer gives none: the next free integer for the account, or a
// readable string made from the channel's name.
import slugify from "@sindresorhus/slugify";
import { getDb } from "@/lib/db/client";
import { maxPermanentScenes } from "@/lib/schemas/channels";

const integerScene = /^[1-9]\d{0,9}$/;
const maxSlugLength = 48;
/** The slug of a name with nothing to transliterate (a Chinese name): numbered, "channel-1", "channel-2", … */
export const fallbackSlug = "channel";

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

/**
 * The readable part of a string scene: the name transliterated to lower-case ASCII words joined
 * by "-" ("Store 12 — Café" → "store-12-cafe"). Names with nothing to transliterate (Chinese)
 * fall back to "channel"; digits alone would read as an integer scene, so they get the prefix too.
 */
export function sceneSlugOf(name: string): string {
  const slug = slugify(name).slice(0, maxSlugLength).replace(/-+$/, "");
  if (!slug) return fallbackSlug;
  return /^\d+$/.test(slug) ? `${fallbackSlug}-${slug}` : slug;
}

/** The slug itself when free, else the slug with the first free number: "store-12", "store-12-2", … */
export async function nextFreeStringScene(accountId: string, name: string): Promise<string> {
  const base = sceneSlugOf(name);
  const db = getDb();
  const [channelScenes, pushedScenes] = await Promise.all([
    db.channel.findMany({ where: { accountId, scene: { startsWith: base } }, select: { scene: true } }),
    db.rollupDay.groupBy({ by: ["scene"], where: { accountId, scene: { startsWith: base } } }),
  ]);
  const used = new Set([...channelScenes, ...pushedScenes].map(({ scene }) => scene));
  if (base !== fallbackSlug && !used.has(base)) return base;
  for (let number = base === fallbackSlug ? 1 : 2; ; number++) {
    const candidate = `${base}-${number}`;
    if (!used.has(candidate)) return candidate;
  }
}
