/**
 * A staffing plan: one whole number per searched team. For a team with a fixed headcount it
 * is the headcount; for a team with a weekly schedule it is the number of agents added to
 * (or, negative, taken from) every shift, so the shape of the week is kept. This module turns
 * a plan into a model to simulate, into scenario amounts (`add`), and into its cost per week.
 */
import { produce } from "immer";
import type { Model, Team } from "../model";

/** Agents per team id (headcount, or offset on every shift for scheduled teams). */
export type Plan = Record<string, number>;

/** Whether a team's staffing follows a weekly schedule. */
export function isScheduled(team: Team): boolean {
  return Array.isArray(team.schedule) && team.schedule.length > 0;
}

/** The plan value that leaves a team as it is in the model. */
export function currentValue(team: Team): number {
  return isScheduled(team) ? 0 : team.agents;
}

/** The model staffed by `plan` (teams not in the plan unchanged). */
export function applyPlan(model: Model, plan: Plan): Model {
  return produce(model, (draft) => {
    for (const team of draft.teams) {
      const value = Object.hasOwn(plan, team.id) ? plan[team.id] : undefined;
      if (value === undefined) continue;
      if (isScheduled(team as Team)) {
        for (const shift of team.schedule ?? []) shift.agents = Math.max(0, shift.agents + value);
      } else team.agents = Math.max(0, value);
    }
  });
}

/**
 * Scenario amounts (`add`) that staff the base model as `plan` does: "+2 agents" on a fixed
 * team, and on a scheduled team the same number added to each shift (less where a shift
 * would go below zero). Stored as amounts, the scenario still means "+2" after the base
 * flow's headcount changes.
 */
export function planAdditions(model: Model, plan: Plan): Record<string, number> {
  const add: Record<string, number> = {};
  for (const team of model.teams) {
    const value = Object.hasOwn(plan, team.id) ? plan[team.id] : undefined;
    if (value === undefined) continue;
    if (isScheduled(team)) {
      if (value === 0) continue;
      (team.schedule ?? []).forEach((shift, s) => {
        const delta = Math.max(0, shift.agents + value) - shift.agents;
        if (delta !== 0) add[`teams.${team.id}.schedule.${s}.agents`] = delta;
      });
    } else if (value !== team.agents) add[`teams.${team.id}.agents`] = value - team.agents;
  }
  return add;
}

/** Staffed agent-hours per week of a team in `model`. */
export function agentHoursPerWeek(team: Team): number {
  if (!isScheduled(team)) return team.agents * 168;
  let minutes = 0;
  for (const shift of team.schedule ?? []) {
    const from = toMinutes(shift.from);
    let to = toMinutes(shift.to);
    if (to <= from) to += 1440;
    minutes += (to - from) * shift.agents * shift.days.length;
  }
  return minutes / 60;
}

/** Staffing cost per week of the teams in `ids` when staffed by `plan`. */
export function planCostPerWeek(model: Model, plan: Plan, ids: readonly string[] = Object.keys(plan)): number {
  const staffed = applyPlan(model, plan);
  let cost = 0;
  for (const team of staffed.teams) if (ids.includes(team.id)) cost += agentHoursPerWeek(team) * team.costPerHour;
  return cost;
}

/** Agents on a plan in total (the tie-break when teams cost nothing). */
export function planAgentHours(model: Model, plan: Plan, ids: readonly string[] = Object.keys(plan)): number {
  const staffed = applyPlan(model, plan);
  return staffed.teams.filter((t) => ids.includes(t.id)).reduce((sum, t) => sum + agentHoursPerWeek(t), 0);
}

/** A plan as a stable text key: `l1=14,l2=8`. */
export function planKey(plan: Plan, ids: readonly string[]): string {
  return ids.map((id) => `${id}=${plan[id]}`).join(",");
}

// helpers

function toMinutes(text: string): number {
  const [h, m] = text.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
