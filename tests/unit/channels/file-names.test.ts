import { describe, expect, it } from "vitest";
import { contentDisposition, safeFileBaseName, uniqueFileNames } from "@/lib/channels/file-names";

describe("file names from channel names", () => {
  it("keeps Chinese, replaces what file systems refuse, and trims what Windows drops", () => {
    expect(safeFileBaseName("北京 三里屯店", "x")).toBe("北京 三里屯店");
    expect(safeFileBaseName('Store/12: "main" <A>|?*\\', "x")).toBe("Store_12_ _main_ _A_____");
    expect(safeFileBaseName("  trailing dots...  ", "x")).toBe("trailing dots");
    expect(safeFileBaseName(".hidden", "x")).toBe("hidden");
    expect(safeFileBaseName("tab\there\u0001", "x")).toBe("tab_here_");
    expect(safeFileBaseName("...", "qudao-7")).toBe("qudao-7");
    expect(safeFileBaseName("con", "x")).toBe("con_");
    expect([...safeFileBaseName("长".repeat(200), "x")]).toHaveLength(80);
  });

  it("numbers duplicates, ignoring case as Windows and macOS do", () => {
    const names = ["Booth", "booth", "Booth", "Booth (2)", "店"].map((name) => ({ name, fallback: "f" }));
    expect(uniqueFileNames(names, "png")).toEqual([
      "Booth.png",
      "booth (2).png",
      "Booth (3).png",
      "Booth (2) (2).png",
      "店.png",
    ]);
  });

  it("keeps a Chinese name in Content-Disposition with an ASCII fallback", () => {
    expect(contentDisposition("attachment", "门店 1.png", "qudao-1.png")).toBe(
      `attachment; filename="qudao-1.png"; filename*=UTF-8''%E9%97%A8%E5%BA%97%201.png`,
    );
  });
});
