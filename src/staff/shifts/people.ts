/**
 * A roster a planner can hand out: the plan's shifts given to people 1..N per team, each
 * person on at most one shift a day and at most `daysPerWeek` days a week, the other days off.
 *
 * Days are filled Monday first; each day's shifts go to the people with the most working
 * days left (Gale-Ryser: taking the largest remaining capacities first never strands a later
 * day while any assignment exists), ties to those who worked the day before so work days and
 * days off come in blocks. Within a day, people who started earlier the day before take the
 * earlier shifts. Should a day still find too few people (it cannot when the head count is
 * the busiest day and shifts / daysPerWeek), one more person is added rather than a shift lost.
 */
import { DAYS } from "../../model/schema";
import type { PlannedShift } from "./plan";

export interface PersonDay {
  start: string;
  end: string;
  hours: number;
  breaks: { start: string; end: string }[];
}

export interface Person {
  team: string;
  /** 1-based within the team. */
  person: number;
  /** Monday first; null is a day off. */
  days: (PersonDay | null)[];
  daysWorked: number;
  paidHours: number;
}

/** Gives each team's shifts to people; `headcount` per team is the starting number of people. */
export function assignPeople(
  shifts: readonly PlannedShift[],
  headcount: Record<string, { headcount: number }>,
  daysPerWeek: number,
): Person[] {
  const out: Person[] = [];
  const teams = [...new Set(shifts.map((s) => s.team))];
  for (const team of teams) {
    const people: Person[] = [];
    const addPerson = () => {
      const p: Person = { team, person: people.length + 1, days: DAYS.map(() => null), daysWorked: 0, paidHours: 0 };
      people.push(p);
      return p;
    };
    for (let n = 0; n < (headcount[team]?.headcount ?? 0); n++) addPerson();
    DAYS.forEach((day, d) => {
      // one slot per person on a shift that day, earliest start first
      const slots = shifts
        .filter((s) => s.team === team && s.day === day)
        .sort((a, b) => a.start.localeCompare(b.start) || b.hours - a.hours)
        .flatMap((s) => Array.from({ length: s.people }, () => s));
      const free = people.filter((p) => p.daysWorked < daysPerWeek);
      while (free.length < slots.length) free.push(addPerson());
      free.sort(
        // most working days left first, then those on yesterday (blocks of work and of days off)
        (a, b) =>
          a.daysWorked - b.daysWorked || Number(worked(b, d - 1)) - Number(worked(a, d - 1)) || a.person - b.person,
      );
      const chosen = free.slice(0, slots.length);
      chosen.sort((a, b) => startOf(a, d - 1).localeCompare(startOf(b, d - 1)) || a.person - b.person);
      chosen.forEach((p, i) => {
        const s = slots[i];
        if (!s) return;
        p.days[d] = { start: s.start, end: s.end, hours: s.hours, breaks: s.breaks };
        p.daysWorked++;
        p.paidHours += s.hours;
      });
    });
    out.push(...people);
  }
  return out;
}

const HEADER = ["team", "person", ...DAYS, "days_worked", "paid_hours"];

/**
 * The roster as CSV, one row per person: each day "08:00-16:00 break 11:00-11:30" or "off".
 * A roster tool imports it as it is; a planner prints it.
 */
export function peopleCsv(people: readonly Person[]): string {
  const rows = people.map((p) => [
    p.team,
    String(p.person),
    ...p.days.map((day) =>
      day ? `${day.start}-${day.end}${day.breaks.map((b) => ` break ${b.start}-${b.end}`).join("")}` : "off",
    ),
    String(p.daysWorked),
    String(p.paidHours),
  ]);
  return `${[HEADER, ...rows].map((r) => r.map(csvCell).join(",")).join("\n")}\n`;
}

// helpers

function worked(p: Person, d: number): boolean {
  return d >= 0 && p.days[d] !== null && p.days[d] !== undefined;
}

/** The person's start the day before ("~" sorts those who were off last). */
function startOf(p: Person, d: number): string {
  return (d >= 0 ? p.days[d]?.start : undefined) ?? "~";
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
