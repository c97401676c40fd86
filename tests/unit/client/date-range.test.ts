import { describe, expect, it } from "vitest";
import { defaultIntervalFor, intervalsFor, parseCustomRange, rangeForPreset } from "@/lib/client/date-range";

// 2024-03-01 01:30 in Shanghai is still 29 February in UTC and in New York.
const now = new Date("2024-02-29T17:30:00Z");

describe("range presets", () => {
  it("are computed in the account's zone, not the browser's", () => {
    expect(rangeForPreset("today", "Asia/Shanghai", now)).toEqual({ from: "2024-03-01", to: "2024-03-01" });
    expect(rangeForPreset("today", "America/New_York", now)).toEqual({ from: "2024-02-29", to: "2024-02-29" });
    expect(rangeForPreset("yesterday", "Asia/Shanghai", now)).toEqual({ from: "2024-02-29", to: "2024-02-29" });
    expect(rangeForPreset("last7", "Asia/Shanghai", now)).toEqual({ from: "2024-02-24", to: "2024-03-01" });
    expect(rangeForPreset("thisMonth", "Asia/Shanghai", now)).toEqual({ from: "2024-03-01", to: "2024-03-01" });
    expect(rangeForPreset("lastMonth", "Asia/Shanghai", now)).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(rangeForPreset("lastMonth", "America/New_York", now)).toEqual({ from: "2024-01-01", to: "2024-01-31" });
  });

  it("accept only real custom dates, in order", () => {
    expect(parseCustomRange("2024-02-01", "2024-02-29")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(parseCustomRange("2024-03-02", "2024-03-01")).toBeNull();
    expect(parseCustomRange("2024-13-01", "2024-13-02")).toBeNull();
    expect(parseCustomRange("yesterday", "2024-03-01")).toBeNull();
  });

  it("pick hours for a day or two and offer weeks and months for longer ranges", () => {
    expect(defaultIntervalFor({ from: "2024-03-01", to: "2024-03-01" })).toBe("hour");
    expect(defaultIntervalFor({ from: "2024-03-01", to: "2024-03-30" })).toBe("day");
    expect(defaultIntervalFor({ from: "2023-03-01", to: "2024-02-29" })).toBe("week");
    expect(intervalsFor({ from: "2024-03-01", to: "2024-03-07" })).toEqual(["hour", "day"]);
    expect(intervalsFor({ from: "2024-01-01", to: "2024-03-31" })).toEqual(["day", "week", "month"]);
  });
});
