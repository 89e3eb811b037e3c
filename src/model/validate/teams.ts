/**
 * Rules on teams: shifts start before they end (24:00 may end a day) and do not overlap
 * on the same day within a team; headcounts are whole numbers; a team that serves a work
 * step has someone to serve it.
 */
import { DAYS, type DayName, type Team } from "../schema";
import { type Checker, isNumber, list, namedName, sentence } from "./context";

const DAY_NAMES: Record<DayName, string> = {
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
  sun: "Sunday",
};

/** Checks every team's numbers, schedule and staffing. */
export function checkTeams(c: Checker): void {
  const served = new Set(list(c.model.nodes).flatMap((n) => (n.kind === "work" ? [n.team] : [])));
  list(c.model.teams).forEach((team, index) => {
    const base = `teams[${index}]`;
    const place = { teamId: team.id };
    const name = `team ${namedName(team)}`;
    const subject = sentence(name);
    if (!(isNumber(team.agents) && Number.isInteger(team.agents) && team.agents >= 0)) {
      c.error(`${base}.agents`, `${subject} has ${String(team.agents)} agents; give a whole number, 0 or more.`, place);
    }
    if (!(isNumber(team.concurrency) && Number.isInteger(team.concurrency) && team.concurrency >= 1)) {
      c.error(
        `${base}.concurrency`,
        `${subject} has concurrency ${String(team.concurrency)}; give how many contacts one agent holds at once, 1 or more.`,
        place,
      );
    }
    if (!(isNumber(team.costPerHour) && team.costPerHour >= 0)) {
      c.error(`${base}.costPerHour`, `${subject} costs ${String(team.costPerHour)} per hour; give 0 or more.`, place);
    }
    if (team.shrinkage !== undefined && !(isNumber(team.shrinkage) && team.shrinkage >= 0 && team.shrinkage < 1)) {
      c.error(
        `${base}.shrinkage`,
        `${subject} has shrinkage ${String(team.shrinkage)}; give the share of paid time agents are not available, from 0 up to (not including) 1, e.g. 0.3.`,
        place,
      );
    }
    if (
      team.maxOccupancy !== undefined &&
      !(isNumber(team.maxOccupancy) && team.maxOccupancy > 0 && team.maxOccupancy <= 1)
    ) {
      c.error(
        `${base}.maxOccupancy`,
        `${subject} has a highest occupancy of ${String(team.maxOccupancy)}; give the busy share of staffed time to plan for, more than 0 and at most 1, e.g. 0.85.`,
        place,
      );
    }
    if (team.schedule) checkSchedule(c, team, index, name);
    if (served.has(team.id) && !isEverStaffed(team)) {
      c.warning(
        team.schedule ? `${base}.schedule` : `${base}.agents`,
        `${subject} serves work steps but has no agents ${team.schedule ? "in any shift" : "and no schedule"}, so its contacts are never answered.`,
        place,
      );
    }
  });
}

// helpers

function checkSchedule(c: Checker, team: Team, index: number, name: string): void {
  const place = { teamId: team.id };
  const byDay = new Map<DayName, { from: number; to: number; shift: number }[]>();
  list(team.schedule).forEach((shift, s) => {
    const path = `teams[${index}].schedule[${s}]`;
    const from = minutes(shift.from);
    const to = minutes(shift.to);
    if (from === undefined || from >= 24 * 60) {
      c.error(
        `${path}.from`,
        `Shift ${s + 1} of ${name} starts at "${shift.from}"; give a time from 00:00 to 23:59.`,
        place,
      );
      return;
    }
    if (to === undefined) {
      c.error(`${path}.to`, `Shift ${s + 1} of ${name} ends at "${shift.to}"; give a time from 00:01 to 24:00.`, place);
      return;
    }
    if (from >= to) {
      c.error(
        path,
        `Shift ${s + 1} of ${name} runs from ${shift.from} to ${shift.to}; it must end after it starts (a night shift is two shifts: ${shift.from}–24:00 and 00:00–${shift.to} the next day).`,
        place,
      );
      return;
    }
    if (!(isNumber(shift.agents) && Number.isInteger(shift.agents) && shift.agents >= 0)) {
      c.error(
        `${path}.agents`,
        `Shift ${s + 1} of ${name} has ${String(shift.agents)} agents; give a whole number, 0 or more.`,
        place,
      );
    }
    for (const day of new Set(list(shift.days))) {
      const found = byDay.get(day) ?? [];
      found.push({ from, to, shift: s });
      byDay.set(day, found);
    }
  });
  const reported = new Set<string>();
  for (const day of DAYS) {
    const shifts = (byDay.get(day) ?? []).slice().sort((a, b) => a.from - b.from || a.shift - b.shift);
    for (let i = 1; i < shifts.length; i++) {
      const later = shifts[i] as (typeof shifts)[number];
      const earlier = shifts.slice(0, i).find((e) => e.to > later.from);
      if (!earlier) continue;
      const key = `${Math.min(earlier.shift, later.shift)}-${Math.max(earlier.shift, later.shift)}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const [first, second] = earlier.shift < later.shift ? [earlier, later] : [later, earlier];
      c.error(
        `teams[${index}].schedule[${second.shift}]`,
        `Shifts ${first.shift + 1} and ${second.shift + 1} of ${name} overlap on ${DAY_NAMES[day]} (${clock(first.from)}–${clock(first.to)} and ${clock(second.from)}–${clock(second.to)}); give each hour of a day one shift, with the agents on duty then.`,
        place,
      );
    }
  }
}

function isEverStaffed(team: Team): boolean {
  if (!team.schedule) return team.agents > 0;
  return team.schedule.some((shift) => shift.agents > 0 && list(shift.days).length > 0);
}

/** Minutes since midnight of "HH:MM" (24:00 is 1440), or undefined. */
function minutes(text: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(typeof text === "string" ? text : "");
  if (!match) return undefined;
  const value = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && value <= 24 * 60 ? value : undefined;
}

function clock(value: number): string {
  return `${String(Math.floor(value / 60)).padStart(2, "0")}:${String(value % 60).padStart(2, "0")}`;
}
