import { describe, expect, it } from "vitest";
import { DAYS } from "../../model/schema";
import { assignPeople, peopleCsv } from "./people";
import type { PlannedShift } from "./plan";

function shift(day: (typeof DAYS)[number], start: string, people: number): PlannedShift {
  const end = `${String((Number(start.slice(0, 2)) + 8) % 24).padStart(2, "0")}${start.slice(2)}`;
  return { team: "l1", day, start, end, hours: 8, breaks: [], people, paidHours: people * 8, cost: 0 };
}

describe("per-person roster", () => {
  it("gives every shift to a person, one a day, nobody past daysPerWeek, with the plan's head count", () => {
    // 100 weeks of shift counts from a fixed linear congruential sequence
    let x = 7;
    const next = () => {
      x = (x * 48271) % 2147483647;
      return x;
    };
    for (let week = 0; week < 100; week++) {
      const daysPerWeek = 1 + (next() % 7);
      const shifts = DAYS.flatMap((day) =>
        ["06:00", "14:00", "22:00"].map((start) => shift(day, start, next() % 5)).filter((s) => s.people > 0),
      );
      const perDay = DAYS.map((d) => shifts.filter((s) => s.day === d).reduce((n, s) => n + s.people, 0));
      const total = perDay.reduce((a, b) => a + b, 0);
      const headcount = Math.max(0, ...perDay, Math.ceil(total / daysPerWeek));
      const people = assignPeople(shifts, { l1: { headcount } }, daysPerWeek);
      // the plan's head count is enough: nobody was added
      expect(people.length).toBe(total === 0 ? 0 : headcount);
      for (const p of people) {
        expect(p.daysWorked).toBeLessThanOrEqual(daysPerWeek);
        expect(p.days.filter((d) => d !== null).length).toBe(p.daysWorked);
      }
      // every shift of every day is given out exactly
      for (const s of shifts) {
        const given = people.filter((p) => p.days[DAYS.indexOf(s.day)]?.start === s.start).length;
        expect(given).toBe(s.people);
      }
    }
  });

  it("writes one row per person with the shift or off for each day", () => {
    const people = assignPeople(
      [shift("mon", "08:00", 2), { ...shift("tue", "09:00", 1), breaks: [{ start: "12:00", end: "12:30" }] }],
      { l1: { headcount: 2 } },
      5,
    );
    expect(peopleCsv(people).split("\n")).toEqual([
      "team,person,mon,tue,wed,thu,fri,sat,sun,days_worked,paid_hours",
      "l1,1,08:00-16:00,09:00-17:00 break 12:00-12:30,off,off,off,off,off,2,16",
      "l1,2,08:00-16:00,off,off,off,off,off,off,1,8",
      "",
    ]);
  });
});
