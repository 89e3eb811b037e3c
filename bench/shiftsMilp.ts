/**
 * The shift program on realistic weeks: CPU time, status and gap per case (docs/staffing.md).
 * Run: node --import tsx bench/shiftsMilp.ts
 */
import highsLoader from "highs";
import { shiftPatterns } from "../src/staff/shifts/patterns";
import { parseShiftRules } from "../src/staff/shifts/rules";
import { type Solver, solveWith } from "../src/staff/shifts/solve";

const highs = (await highsLoader()) as unknown as Solver;

/** A week of agents per interval: a day curve peaking at `peak`, `night` at night, weekends lighter. */
function week(minutes: number, peak: number, night: number, seed: number): number[] {
  const perDay = 1440 / minutes;
  return Array.from({ length: 7 * perDay }, (_, k) => {
    const hour = ((k % perDay) * minutes) / 60;
    const day = Math.floor(k / perDay);
    const scale = day >= 5 ? 0.6 : 1;
    if (hour < 7 || hour >= 22) return night;
    return Math.max(night, Math.round(scale * peak * Math.sin(((hour - 7) / 15) * Math.PI) + ((k * seed) % 3)));
  });
}

const defaults = (minutes: number, breakLength: string) =>
  parseShiftRules(
    {
      lengths: ["8h"],
      starts: { from: "00:00", to: "23:00", every: "1h" },
      breaks: [{ length: breakLength, within: ["3h", "5h"], minShift: "6h" }],
    },
    minutes,
  );

const emailNeed = Array.from({ length: 168 }, (_, k) => {
  const hour = k % 24;
  const weekday = k < 120;
  return hour >= 8 && hour < 18 ? (weekday ? (hour >= 10 && hour < 15 ? 3 : 2) : 2) : 1;
});

const cases: { name: string; minutes: number; rules: ReturnType<typeof defaults>; teams: number[][] }[] = [
  { name: "email desk, 60 min, 1-3 people", minutes: 60, rules: defaults(60, "1h"), teams: [emailNeed] },
  {
    name: "three teams, 30 min",
    minutes: 30,
    rules: defaults(30, "30m"),
    teams: [week(30, 25, 3, 1), week(30, 12, 2, 2), week(30, 6, 1, 3)],
  },
  {
    name: "three teams, 15 min",
    minutes: 15,
    rules: defaults(15, "30m"),
    teams: [week(15, 25, 3, 1), week(15, 12, 2, 2), week(15, 6, 1, 3)],
  },
];

for (const c of cases) {
  const patterns = shiftPatterns(c.rules, c.minutes);
  c.teams.forEach((agents, t) => {
    const need = agents.map((a) => Math.ceil(a / 0.7 - 1e-9));
    const cpu = process.cpuUsage();
    const a = solveWith(highs, {
      patterns,
      costs: patterns.map((p) => (p.length / 60) * 25),
      need,
      minPerShift: 0,
      timeLimitSeconds: 20,
    });
    const used = process.cpuUsage(cpu);
    console.log(
      `${c.name} team ${t + 1}: ${patterns.length} columns, ${a.status}, optimal ${a.optimal}, cost ${a.objective}, bound ${a.lowerBound}, gap ${(a.gap * 100).toFixed(2)}%, ${a.seconds.toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU`,
    );
  });
}
