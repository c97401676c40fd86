import { describe, expect, it } from "vitest";
import { parseTypedDay } from "@/lib/time/typed-day";

describe("parseTypedDay", () => {
  it.each([
    ["2026-12-05", "2026-12-05"],
    ["2026/12/5", "2026-12-05"],
    ["2026.1.2", "2026-01-02"],
    [" 2026 - 03 - 09 ", "2026-03-09"],
    ["2026年12月5日", "2026-12-05"],
    ["2026年2月28", "2026-02-28"],
    ["2024-02-29", "2024-02-29"],
    ["Dec 5, 2026", "2026-12-05"],
    ["sept 30 2026", "2026-09-30"],
    ["January 1, 2027", "2027-01-01"],
  ])("reads %j as %s", (text, day) => {
    expect(parseTypedDay(text)).toBe(day);
  });

  it.each([
    "",
    "2026",
    "2026-12",
    "12/05/2026",
    "Dex 5, 2026",
    "Decem 5, 2026",
    "Feb 30, 2026",
    "2026-13-01",
    "2026-02-30",
    "2025-02-29",
    "2026-12-05x",
  ])("refuses %j", (text) => {
    expect(parseTypedDay(text)).toBeNull();
  });
});
