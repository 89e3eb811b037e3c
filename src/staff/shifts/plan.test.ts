import { describe, expect, it } from "vitest";
import { planShifts } from "./plan";
import { rosterCsv } from "./roster";
import { parseShiftRules, ShiftRulesError } from "./rules";

const HOURS = 168;

/** A week of hourly cells, zero but for Monday from 08:00. */
function mondayFrom8(values: number[]): number[] {
  const week = new Array<number>(HOURS).fill(0);
  values.forEach((v, i) => {
    week[8 + i] = v;
  });
  return week;
}

describe("shift plans (HiGHS)", () => {
  it("finds the least-cost plan: no plan among all enumerated ones is cheaper", async () => {
    const need = [2, 3, 3, 1, 2, 3, 2]; // Monday 08:00..14:59
    const rules = parseShiftRules(
      {
        lengths: ["3h", "4h"],
        starts: ["08:00", "10:00", "11:00"],
        days: ["mon"],
        breaks: [{ length: "1h", within: ["1h", "3h"], minShift: "4h" }],
        minPerShift: 2,
        maxPerShift: 3,
      },
      60,
    );
    const plan = await planShifts(
      { intervalMinutes: 60, teams: { l1: mondayFrom8(need) } },
      { l1: { costPerHour: 20 } },
      rules,
    );

    // Brute force, written independently of the pattern generator: each start takes a 3-hour
    // shift, or a 4-hour shift with its hour of break after 1 or 2 hours.
    const shapes: { start: number; hours: number; off: number[] }[] = [];
    for (const start of [8, 10, 11]) {
      shapes.push({ start, hours: 3, off: [] }, { start, hours: 4, off: [1] }, { start, hours: 4, off: [2] });
    }
    let best = Number.POSITIVE_INFINITY;
    let plans = 0;
    const counts = new Array<number>(shapes.length).fill(0);
    const visit = (i: number): void => {
      if (i === shapes.length) {
        plans++;
        // people per shift (start, length): none, or 2..3
        for (let g = 0; g < shapes.length; g += 3) {
          const three = counts[g] ?? 0;
          const four = (counts[g + 1] ?? 0) + (counts[g + 2] ?? 0);
          for (const n of [three, four]) if (n !== 0 && (n < 2 || n > 3)) return;
        }
        const cover = new Array<number>(24).fill(0);
        let cost = 0;
        shapes.forEach((s, j) => {
          const n = counts[j] ?? 0;
          cost += n * s.hours * 20;
          for (let h = 0; h < s.hours; h++) if (!s.off.includes(h)) cover[s.start + h] = (cover[s.start + h] ?? 0) + n;
        });
        if (need.every((n, h) => (cover[8 + h] ?? 0) >= n)) best = Math.min(best, cost);
        return;
      }
      for (let n = 0; n <= 3; n++) {
        counts[i] = n;
        visit(i + 1);
      }
      counts[i] = 0;
    };
    visit(0);
    expect(plans).toBe(4 ** 9);
    expect(best).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(plan.costPerWeek).toBe(best);
    expect(plan.teams.l1?.optimal).toBe(true);
    const cover = plan.coverage.teams.l1;
    for (const [h, n] of need.entries()) expect(cover?.scheduled[8 + h]).toBeGreaterThanOrEqual(n);
  });

  it("covers every interval of a week at 30 minutes, people after shrinkage, shifts past midnight wrapping", async () => {
    const agents = Array.from({ length: 336 }, (_, k) => {
      const hour = (k % 48) / 2;
      return hour < 7 || hour >= 22 ? 1 : Math.round(4 + 3 * Math.sin(((hour - 7) / 15) * Math.PI) + (k % 5));
    });
    const rules = parseShiftRules(
      {
        lengths: ["8h"],
        starts: { from: "00:00", to: "23:00", every: "1h" },
        breaks: [{ length: "30m", within: ["3h", "5h"] }],
      },
      30,
    );
    const plan = await planShifts(
      { intervalMinutes: 30, teams: { l1: agents } },
      { l1: { costPerHour: 25, shrinkage: 0.3 } },
      rules,
    );
    const cover = plan.coverage.teams.l1;
    if (!cover) throw new Error("no coverage");
    agents.forEach((a, k) => {
      expect(cover.required[k]).toBe(Math.ceil(a / 0.7 - 1e-9));
      expect(cover.scheduled[k]).toBeGreaterThanOrEqual(cover.required[k] ?? 0);
      expect(cover.onPhones[k]).toBeGreaterThanOrEqual(a);
    });
    // cost per week is the paid hours of the listed shifts
    const paid = plan.shifts.reduce((sum, s) => sum + s.people * s.hours, 0);
    expect(plan.costPerWeek).toBeCloseTo(paid * 25, 6);
    expect(plan.teams.l1?.headcount).toBeGreaterThanOrEqual(
      Math.ceil(plan.shifts.reduce((n, s) => n + s.people, 0) / 5),
    );
    expect(rosterCsv(plan.shifts).split("\n")[0]).toBe("team,day,start,end,hours,breaks,people,paid_hours,cost");
  });

  it("names the interval no allowed shift covers", async () => {
    const rules = parseShiftRules({ lengths: ["2h"], starts: ["08:00"], days: ["mon"] }, 60);
    await expect(
      planShifts({ intervalMinutes: 60, teams: { l1: mondayFrom8([1, 1, 1]) } }, { l1: { costPerHour: 1 } }, rules),
    ).rejects.toThrow('team "l1" needs 1 people on Monday at 10:00, but no allowed shift');
  });

  it("says when the people-per-shift limits leave no plan", async () => {
    const rules = parseShiftRules({ lengths: ["2h"], starts: ["08:00"], days: ["mon"], maxPerShift: 2 }, 60);
    await expect(
      planShifts({ intervalMinutes: 60, teams: { l1: mondayFrom8([3, 1]) } }, { l1: { costPerHour: 1 } }, rules),
    ).rejects.toThrow('team "l1": no plan within the people-per-shift limits');
  });
});

describe("shift rules", () => {
  const cases: [unknown, string][] = [
    [{ starts: ["08:00"] }, "lengths: "],
    [{ lengths: ["8h"], starts: ["8am"] }, 'starts[0]: must be a time of day written "HH:MM"'],
    [{ lengths: ["eight"], starts: ["08:00"] }, 'lengths[0]: "eight" is not a duration'],
    [
      { lengths: ["8h"], starts: ["08:10"] },
      "starts[0]: 490 minutes is not a whole number of 15-minute planning intervals",
    ],
    [
      { lengths: ["8h"], starts: ["08:00"], breaks: [{ length: "1h", within: ["3h", "3h30m"] }] },
      "breaks[0].within[1]",
    ],
    [
      { lengths: ["8h"], starts: ["08:00"], breaks: [{ length: "1h", within: ["3h", "3.5h"] }] },
      "breaks[0].within: the window is shorter than the break",
    ],
    [{ lengths: ["8h"], starts: ["08:00"], days: ["monday"] }, "days[0]: "],
    [
      { lengths: ["8h"], starts: ["08:00"], minPerShift: 4, maxPerShift: 2 },
      "maxPerShift: must not be below minPerShift",
    ],
    [{ lengths: ["8h"], starts: ["08:00"], costPerHour: { l1: -3 } }, "costPerHour.l1: must not be negative"],
    [{ lengths: ["8h"], starts: ["08:00"], shift: 3 }, "the rules: "],
  ];
  it.each(cases)("rejects %j naming the field", (input, message) => {
    expect(() => parseShiftRules(input, 15)).toThrow(ShiftRulesError);
    expect(() => parseShiftRules(input, 15)).toThrow(message);
  });
});
