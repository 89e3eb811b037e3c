import { describe, expect, it } from "vitest";
import type { Shift } from "../../model";
import { minutesOf, shiftProblems, staffedGrid } from "./schedule";

const weekdays: Shift = { days: ["mon", "tue", "wed", "thu", "fri"], from: "08:00", to: "16:00", agents: 5 };

describe("shiftProblems", () => {
  it("finds nothing wrong with back-to-back shifts", () => {
    expect(shiftProblems([weekdays, { ...weekdays, from: "16:00", to: "24:00", agents: 2 }])).toEqual([[], []]);
  });

  it("flags a reversed shift and overlapping shifts on the days they share", () => {
    const problems = shiftProblems([
      weekdays,
      { days: ["fri", "sat"], from: "12:00", to: "20:00", agents: 2 },
      { days: ["sun"], from: "18:00", to: "09:00", agents: 1 },
    ]);
    expect(problems[0]).toEqual(["Overlaps shift 2 on Fri"]);
    expect(problems[1]).toEqual(["Overlaps shift 1 on Fri"]);
    expect(problems[2]).toEqual(["Ends (09:00) before it starts (18:00)"]);
  });
});

describe("staffedGrid", () => {
  it("counts agents per day and hour, summing overlapping shifts", () => {
    const grid = staffedGrid([weekdays, { days: ["mon"], from: "15:30", to: "17:00", agents: 3 }]);
    expect(grid[0]?.slice(7, 18)).toEqual([0, 5, 5, 5, 5, 5, 5, 5, 8, 3, 0]);
    expect(grid[5]?.every((a) => a === 0)).toBe(true);
    expect(minutesOf("24:00")).toBe(1440);
  });
});
