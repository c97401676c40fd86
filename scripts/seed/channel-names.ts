// Names and groups for seeded channels, like a Chinese retailer's placements: store posters,
// fair booths, KOL posts, flyer batches, online placements.
import { mulberry32 } from "@/scripts/seed/history-generator";

const groups = [
  { group: "门店", name: (n: number) => `门店海报 · ${n}号店` },
  { group: "展会", name: (n: number) => `展会展位 ${String.fromCharCode(65 + (n % 8))}${n}` },
  { group: "KOL", name: (n: number) => `KOL · ${["小红", "Anna", "阿杰", "Lily", "王老师", "Mia"][n % 6]} #${n}` },
  { group: "印刷物料", name: (n: number) => `传单 第${n}批` },
  { group: "线上", name: (n: number) => `公众号文章 ${n}` },
];

export function seedChannelSpecs(count: number, seed: number): { name: string; group: string | null }[] {
  const random = mulberry32(seed ^ 0x2f6b);
  const counters = groups.map(() => 0);
  return Array.from({ length: count }, () => {
    const groupIndex = Math.floor(random() * (groups.length + 0.3));
    if (groupIndex >= groups.length) return { name: `Placement ${Math.floor(random() * 9000) + 1000}`, group: null };
    const number = ++counters[groupIndex]!;
    return { name: groups[groupIndex]!.name(number), group: groups[groupIndex]!.group };
  });
}
