import { describe, expect, it } from "vitest";
import { busiestGroups } from "@/lib/client/group-sums";

describe("busiestGroups", () => {
  it("sums each group's channels, busiest first (scans, then new follows), and leaves out idle groups", () => {
    const rows = [
      { group: "Stores", scans: 5, newFollows: 1 },
      { group: null, scans: 4, newFollows: 4 },
      { group: "Posters", scans: 3, newFollows: 0 },
      { group: "Stores", scans: 2, newFollows: 2 },
      { group: "Posters", scans: 4, newFollows: 1 },
      { group: "KOL", scans: 0, newFollows: 0 },
    ];
    expect(busiestGroups(rows)).toEqual([
      { group: "Stores", scans: 7, newFollows: 3 },
      { group: "Posters", scans: 7, newFollows: 1 },
      { group: null, scans: 4, newFollows: 4 },
    ]);
  });

  it("keeps a group whose channels only brought follows", () => {
    expect(busiestGroups([{ group: "Booth", scans: 0, newFollows: 2 }])).toEqual([
      { group: "Booth", scans: 0, newFollows: 2 },
    ]);
  });
});
