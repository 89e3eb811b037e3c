/**
 * From a per-interval requirement (agents on the phones per team and interval of the week) to
 * a shift plan at least cost per team: people to schedule per interval (agents / (1 -
 * shrinkage), rounded up), the candidate shift patterns of the rules, the integer program
 * (solve.ts), and the plan read back as shifts per day with their coverage and cost.
 */
import { DAYS } from "../../model/schema";
import { solveProgram } from "./loadHighs";
import { shiftPatterns } from "./patterns";
import { type ShiftRules, ShiftRulesError } from "./rules";
import type { ProgramAnswer, ProgramInput } from "./solve";

/** Solves one shift program (solve.ts here; the app passes one that runs HiGHS in a Web Worker). */
export type SolveProgram = (input: ProgramInput) => Promise<ProgramAnswer>;

export interface PlannedShift {
  team: string;
  day: (typeof DAYS)[number];
  /** "HH:MM" */
  start: string;
  end: string;
  hours: number;
  breaks: { start: string; end: string }[];
  people: number;
  paidHours: number;
  cost: number;
}

export interface TeamCoverage {
  /** People to schedule per interval (the requirement after shrinkage). */
  required: number[];
  /** People on duty per interval in the plan (breaks excluded). */
  scheduled: number[];
  /** Agents on the phones per interval in the plan: scheduled x (1 - shrinkage), rounded down. */
  onPhones: number[];
}

export interface ShiftPlan {
  intervalMinutes: number;
  shifts: PlannedShift[];
  coverage: { intervalMinutes: number; teams: Record<string, TeamCoverage> };
  teams: Record<
    string,
    {
      costPerHour: number;
      paidHoursPerWeek: number;
      costPerWeek: number;
      /** People to hire so nobody works more than `daysPerWeek` days: max(busiest day, shifts / daysPerWeek). */
      headcount: number;
      optimal: boolean;
      /** (cost - least cost proved possible) / cost: 0 when optimal. */
      gap: number;
      variables: number;
      constraints: number;
      solveSeconds: number;
    }
  >;
  costPerWeek: number;
}

export interface TeamFacts {
  shrinkage?: number;
  costPerHour: number;
}

/** The least-cost plan for every team of `requirement`. */
export async function planShifts(
  requirement: { intervalMinutes: number; teams: Record<string, number[]> },
  teams: Record<string, TeamFacts>,
  rules: ShiftRules,
  solve: SolveProgram = solveProgram,
): Promise<ShiftPlan> {
  const minutes = requirement.intervalMinutes;
  const patterns = shiftPatterns(rules, minutes);
  const plan: ShiftPlan = {
    intervalMinutes: minutes,
    shifts: [],
    coverage: { intervalMinutes: minutes, teams: {} },
    teams: {},
    costPerWeek: 0,
  };
  for (const [id, agents] of Object.entries(requirement.teams)) {
    const shrinkage = teams[id]?.shrinkage ?? 0;
    const rate = rules.costPerHour[id] ?? teams[id]?.costPerHour ?? 0;
    const required = agents.map((a) => (a > 0 ? Math.ceil(a / (1 - shrinkage) - 1e-9) : 0));
    checkCoverable(id, required, patterns, minutes);
    // With no cost per hour, the plan minimises paid hours.
    const costs = patterns.map((p) => (p.length / 60) * (rate > 0 ? rate : 1));
    const answer = await solve({
      patterns,
      costs,
      need: required,
      minPerShift: rules.minPerShift,
      maxPerShift: rules.maxPerShift,
      timeLimitSeconds: rules.solveSeconds,
    }).catch((error: unknown) => {
      throw error instanceof ShiftRulesError ? new ShiftRulesError(`team "${id}": ${error.message}`) : error;
    });
    const scheduled = required.map(() => 0);
    const perDay = DAYS.map(() => 0);
    let paidHours = 0;
    patterns.forEach((p, j) => {
      const people = answer.counts[j] ?? 0;
      if (people <= 0) return;
      for (const k of p.covers) scheduled[k] = (scheduled[k] ?? 0) + people;
      perDay[p.day] = (perDay[p.day] ?? 0) + people;
      paidHours += (people * p.length) / 60;
      plan.shifts.push({
        team: id,
        day: DAYS[p.day] ?? "mon",
        start: clock(p.start),
        end: clock(p.start + p.length),
        hours: p.length / 60,
        breaks: p.breaks.map((b) => ({ start: clock(p.start + b.offset), end: clock(p.start + b.offset + b.length) })),
        people,
        paidHours: (people * p.length) / 60,
        cost: round2((people * p.length * rate) / 60),
      });
    });
    const shiftsInWeek = perDay.reduce((a, b) => a + b, 0);
    plan.coverage.teams[id] = {
      required,
      scheduled,
      onPhones: scheduled.map((s) => Math.floor(s * (1 - shrinkage) + 1e-9)),
    };
    plan.teams[id] = {
      costPerHour: rate,
      paidHoursPerWeek: round2(paidHours),
      costPerWeek: round2(paidHours * rate),
      headcount: Math.max(0, ...perDay, Math.ceil(shiftsInWeek / rules.daysPerWeek)),
      optimal: answer.optimal,
      gap: Number(answer.gap.toFixed(4)),
      variables: answer.variables,
      constraints: answer.constraints,
      solveSeconds: Number(answer.seconds.toFixed(3)),
    };
    plan.costPerWeek = round2(plan.costPerWeek + paidHours * rate);
  }
  return plan;
}

/** An interval that needs people but no allowed shift covers is the rules' fault: say which. */
function checkCoverable(
  team: string,
  required: readonly number[],
  patterns: readonly { covers: number[] }[],
  minutes: number,
): void {
  const covered = new Set(patterns.flatMap((p) => p.covers));
  const k = required.findIndex((n, i) => n > 0 && !covered.has(i));
  if (k < 0) return;
  const perDay = 1440 / minutes;
  const day = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][Math.floor(k / perDay)];
  throw new ShiftRulesError(
    `team "${team}" needs ${required[k]} people on ${day} at ${clock((k % perDay) * minutes)}, but no allowed shift (starts, lengths, days, breaks) covers that interval`,
  );
}

function clock(minutesAfterMidnight: number): string {
  const m = ((minutesAfterMidnight % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
