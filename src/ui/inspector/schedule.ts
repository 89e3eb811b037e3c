/**
 * Checks and summaries of a team's weekly schedule for the grid editor: shifts that end
 * before they start or overlap another shift on the same day, and agents staffed per hour.
 */
import { DAYS, type Shift } from "../../model";

/** Minutes since midnight of "HH:MM" (24:00 -> 1440), or NaN. */
export function minutesOf(time: string): number {
  const match = /^(\d\d):(\d\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

/** For each shift, the problems to show next to it (empty when it is fine). */
export function shiftProblems(schedule: readonly Shift[]): string[][] {
  return schedule.map((shift, i) => {
    const problems: string[] = [];
    const from = minutesOf(shift.from);
    const to = minutesOf(shift.to);
    if (to <= from) problems.push(`Ends (${shift.to}) before it starts (${shift.from})`);
    schedule.forEach((other, j) => {
      if (j === i) return;
      const shared = shift.days.filter((d) => other.days.includes(d));
      if (shared.length === 0) return;
      const overlap = Math.max(from, minutesOf(other.from)) < Math.min(to, minutesOf(other.to));
      if (overlap) problems.push(`Overlaps shift ${j + 1} on ${shared.map(dayText).join(", ")}`);
    });
    return problems;
  });
}

/** Agents on shift for each day (Mon..Sun) and hour (0..23), counting an hour partly covered. */
export function staffedGrid(schedule: readonly Shift[]): number[][] {
  return DAYS.map((day) =>
    Array.from({ length: 24 }, (_, hour) =>
      schedule
        .filter((s) => s.days.includes(day))
        .filter((s) => minutesOf(s.from) < (hour + 1) * 60 && minutesOf(s.to) > hour * 60)
        .reduce((sum, s) => sum + s.agents, 0),
    ),
  );
}

/** "mon" -> "Mon". */
export function dayText(day: string): string {
  return day.charAt(0).toUpperCase() + day.slice(1);
}
