/**
 * Per-interval staffing for teams with a weekly schedule: the fewest agents in each hour of
 * the week (Monday 00:00 = hour 0) that meet the targets at that hour's arrival rate
 * (Erlang C/A per hour on the traffic equations: the "stationary independent period by
 * period" method), as a curve a manager can turn into shifts, with the team's arrivals per
 * hour to draw it against. `curveSchedule` turns a curve into shifts to simulate it.
 */
import { DAYS, type Model, type Scenario, type Shift } from "../model";
import { erlangAgents } from "./erlangStart";
import type { ResolvedTarget } from "./targets";
import { channelRatesAt, teamLoads, type Visits } from "./traffic";

export interface StaffingCurve {
  /** Fewest agents per hour of the week (168 values, Monday 00:00 first). */
  agents: number[];
  /** The team's contacts arriving per hour (traffic equations) in each hour of the week. */
  arrivalsPerHour: number[];
  /** The team's scheduled agents per hour today. */
  scheduled: number[];
  /** Whether the flow staffed by this curve met every target in simulation (same seed). */
  met?: boolean;
  /** A scenario that replaces the team's schedule by the curve's shifts. */
  scenario?: Scenario;
}

/** The curve of one team (agents 0 in hours with no arrivals). */
export function staffingCurve(
  model: Model,
  visits: Visits,
  teamId: string,
  targets: readonly ResolvedTarget[],
): StaffingCurve {
  const agents: number[] = [];
  const arrivalsPerHour: number[] = [];
  for (let hour = 0; hour < 168; hour++) {
    const load = teamLoads(model, visits, channelRatesAt(visits, hour)).get(teamId);
    arrivalsPerHour.push(load ? Number((load.arrivalRate * 3600).toFixed(3)) : 0);
    agents.push(load && load.arrivalRate > 0 ? erlangAgents(load, targets) : 0);
  }
  const team = model.teams.find((t) => t.id === teamId);
  return { agents, arrivalsPerHour, scheduled: scheduledPerHour(team?.schedule ?? []) };
}

/** The scenario that staffs `teamId` by `agents` per hour of the week, with an id not yet taken. */
export function curveScenario(model: Model, teamId: string, agents: readonly number[]): Scenario {
  const team = model.teams.find((t) => t.id === teamId);
  let id = `staffing-${teamId}-hourly`;
  for (let n = 2; model.scenarios.some((s) => s.id === id); n++) id = `staffing-${teamId}-hourly-${n}`;
  return {
    id,
    name: `Per-hour staffing for ${team?.name || teamId}`,
    description: "Shifts from the fewest agents per hour of the week that meet the targets (Erlang per hour).",
    set: { [`teams.${teamId}.schedule`]: curveSchedule(agents) },
  };
}

/**
 * Shifts that staff `agents` per interval of the week (`minutes` long, an hour by default;
 * runs of equal intervals merged, zeros left out).
 */
export function curveSchedule(agents: readonly number[], minutes = 60): Shift[] {
  const shifts: Shift[] = [];
  const perDay = 1440 / minutes;
  DAYS.forEach((day, d) => {
    let start = 0;
    for (let h = 1; h <= perDay; h++) {
      const here = agents[d * perDay + start] ?? 0;
      if (h < perDay && (agents[d * perDay + h] ?? 0) === here) continue;
      if (here > 0) shifts.push({ days: [day], from: clock(start, minutes), to: clock(h, minutes), agents: here });
      start = h;
    }
  });
  return shifts;
}

/** Scheduled agents per hour of the week (by the shift's start minute within each hour). */
export function scheduledPerHour(schedule: readonly Shift[]): number[] {
  const out = new Array<number>(168).fill(0);
  for (const shift of schedule) {
    const from = minutes(shift.from);
    let to = minutes(shift.to);
    if (to <= from) to += 1440;
    for (const day of shift.days) {
      const d = DAYS.indexOf(day);
      for (let m = from; m < to; m += 60) {
        const hour = Math.floor((d * 1440 + m) / 60) % 168;
        out[hour] = (out[hour] ?? 0) + shift.agents;
      }
    }
  }
  return out;
}

// helpers

function clock(index: number, minutes = 60): string {
  const m = index * minutes;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

function minutes(text: string): number {
  const [h, m] = text.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
