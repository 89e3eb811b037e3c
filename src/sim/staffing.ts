/**
 * A team's staffed agents over a run: a fixed headcount, or a weekly schedule of shifts
 * laid on the flow's calendar (clock.start fixes the weekday), turned into the count at time
 * 0 and the run times at which it changes (minute resolution). Shifts add up where they
 * meet; outside every shift nobody is staffed.
 */
import { DAYS } from "../model";
import { parseTimeOfDayMinutes } from "./clockTime";

/**
 * Staffed agents over the run from a weekly schedule: the count at time 0 and every change.
 * A shift whose `to` is not after its `from` runs past midnight into the next day.
 */
export function compileStaffing(
  schedule: { days: string[]; from: string; to: string; agents: number }[] | undefined,
  agents: number,
  weekOffset: number,
  horizon: number,
): { initial: number; times: Float64Array; agents: Int32Array } {
  if (!schedule) return { initial: agents, times: new Float64Array(0), agents: new Int32Array(0) };
  const week = 7 * 1440;
  const perMinute = new Int32Array(week);
  for (const shift of schedule) {
    const from = parseTimeOfDayMinutes(shift.from);
    let to = parseTimeOfDayMinutes(shift.to);
    if (to <= from) to += 1440;
    for (const day of shift.days) {
      const d = DAYS.indexOf(day as (typeof DAYS)[number]);
      for (let m = from; m < to; m++) perMinute[(d * 1440 + m) % week]! += shift.agents;
    }
  }
  const offsetMinutes = weekOffset / 60;
  const at = (runSeconds: number) => perMinute[Math.floor(offsetMinutes + runSeconds / 60 + 1e-9) % week]!;
  const initial = at(0);
  const times: number[] = [];
  const counts: number[] = [];
  let current = initial;
  // first minute boundary after time 0, then every minute up to the horizon
  const firstBoundary = (Math.floor(offsetMinutes) + 1 - offsetMinutes) * 60;
  for (let t = firstBoundary; t < horizon; t += 60) {
    const n = at(t);
    if (n !== current) {
      times.push(t);
      counts.push(n);
      current = n;
    }
  }
  return { initial, times: Float64Array.from(times), agents: Int32Array.from(counts) };
}
