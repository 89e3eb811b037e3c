import { describe, expect, it } from "vitest";
import { compileStaffing } from "./staffing";

describe("staffing from a schedule", () => {
  it("is the headcount throughout without a schedule", () => {
    const s = compileStaffing(undefined, 7, 0, 86400);
    expect(s.initial).toBe(7);
    expect(Array.from(s.times)).toEqual([]);
  });

  it("follows shifts on the start's weekday, including a night shift past midnight", () => {
    // start Sunday 2026-01-11 20:00 (6 days 20 h into the week); a night shift Sun 22:00-06:00
    const weekOffset = 6 * 86400 + 20 * 3600;
    const s = compileStaffing(
      [
        { days: ["sun"], from: "22:00", to: "06:00", agents: 2 },
        { days: ["mon"], from: "08:00", to: "12:00", agents: 5 },
      ],
      0,
      weekOffset,
      20 * 3600,
    );
    expect(s.initial).toBe(0);
    // run time: 2 h -> 2 agents (Sun 22:00), 10 h -> 0 (Mon 06:00), 12 h -> 5 (08:00), 16 h -> 0 (12:00)
    expect(Array.from(s.times)).toEqual([2 * 3600, 10 * 3600, 12 * 3600, 16 * 3600]);
    expect(Array.from(s.agents)).toEqual([2, 0, 5, 0]);
  });
});
