/**
 * A shift plan for the world outside: CSV rows for a roster tool, and the plan as the teams'
 * `schedule` (agents on the phones per interval: people on duty x (1 - shrinkage), rounded
 * down), so a copy of the flow can be simulated with it or saved as a scenario.
 */
import type { Scenario, Shift } from "../../model";
import { curveSchedule } from "../curve";
import type { PlannedShift, ShiftPlan } from "./plan";

const HEADER = ["team", "day", "start", "end", "hours", "breaks", "people", "paid_hours", "cost"];

/** One row per shift (team, day, start, length, breaks), Monday first. */
export function rosterCsv(shifts: readonly PlannedShift[]): string {
  const rows = shifts.map((s) => [
    s.team,
    s.day,
    s.start,
    s.end,
    String(s.hours),
    s.breaks.map((b) => `${b.start}-${b.end}`).join(" "),
    String(s.people),
    String(s.paidHours),
    s.cost.toFixed(2),
  ]);
  return `${[HEADER, ...rows].map((r) => r.map(csvCell).join(",")).join("\n")}\n`;
}

/** Each team's agents on the phones in the plan, as schedule entries. */
export function planSchedules(plan: ShiftPlan): Record<string, Shift[]> {
  const out: Record<string, Shift[]> = {};
  for (const [id, cover] of Object.entries(plan.coverage.teams)) {
    const shifts = curveSchedule(cover.onPhones, plan.intervalMinutes);
    out[id] = shifts.length > 0 ? shifts : [{ days: ["mon"], from: "00:00", to: "00:01", agents: 0 }];
  }
  return out;
}

/** A scenario that sets every planned team's schedule to the plan. */
export function planScenario(plan: ShiftPlan, id: string, name: string): Scenario {
  const set: Record<string, unknown> = {};
  for (const [team, schedule] of Object.entries(planSchedules(plan))) set[`teams.${team}.schedule`] = schedule;
  return {
    id,
    name,
    description: `Shift plan at ${plan.costPerWeek} per week, per ${plan.intervalMinutes}-minute interval.`,
    set,
  };
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
