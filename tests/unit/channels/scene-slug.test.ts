import { describe, expect, it } from "vitest";
import { sceneSlugOf } from "@/lib/channels/scene-allocation";
import { importKeyOf, withKeys } from "@/lib/channels/import/prepare-import-rows";
import { importFieldsSchema } from "@/lib/schemas/channel-import";

describe("readable string scenes", () => {
  it("transliterates Latin names and falls back for names with nothing to transliterate", () => {
    expect(sceneSlugOf("Store 12 — Café Été")).toBe("store-12-cafe-ete");
    expect(sceneSlugOf("KOL: Lily & Mia")).toBe("kol-lily-and-mia");
    expect(sceneSlugOf("北京三里屯店")).toBe("channel");
    expect(sceneSlugOf("门店 12 号")).toBe("channel-12");
    expect(sceneSlugOf("x".repeat(80))).toHaveLength(48);
  });
});

describe("import keys", () => {
  const fields = (values: Partial<Record<string, string>>) => importFieldsSchema.parse(values);

  it("are the same for the same row, whatever the order of its tags", () => {
    expect(importKeyOf(fields({ name: "A", tags: "x, y" }), 0)).toBe(
      importKeyOf(fields({ name: "A", tags: "y,x" }), 0),
    );
    expect(importKeyOf(fields({ name: "A" }), 0)).not.toBe(importKeyOf(fields({ name: "B" }), 0));
  });

  it("tell identical rows of one file apart by their repetition", () => {
    const rows = withKeys([1, 2, 3].map((row) => ({ row, fields: fields({ name: "Same" }) })));
    expect(new Set(rows.map((row) => row.key)).size).toBe(3);
    expect(rows[0]!.key).toBe(importKeyOf(fields({ name: "Same" }), 0));
  });
});
