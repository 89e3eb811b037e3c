/**
 * Candidate shifts: every (day, start, length, break placement) the rules allow, as the set
 * of planning intervals of the week it covers (breaks excluded; a shift past Sunday midnight
 * wraps to Monday). Candidates covering exactly the same intervals at the same paid length
 * are one pattern: the integer program never needs to choose between them.
 */
import { DAYS } from "../../model/schema";
import { type ShiftRules, startMinutes } from "./rules";

export interface ShiftPattern {
  /** Day index, 0 = Monday. */
  day: number;
  /** Minutes after midnight. */
  start: number;
  /** Paid minutes, breaks included. */
  length: number;
  /** Break starts and lengths, minutes after the shift's start. */
  breaks: { offset: number; length: number }[];
  /** Interval indices of the week covered (on duty, not on a break). */
  covers: number[];
  /** Patterns with the same day, start and length share a group (people-per-shift limits). */
  group: number;
}

/** The candidate patterns for `rules` at `minutes`-long intervals. */
export function shiftPatterns(rules: ShiftRules, minutes: number): ShiftPattern[] {
  const cells = (7 * 1440) / minutes;
  const days = (rules.days ?? DAYS).map((d) => DAYS.indexOf(d)).sort((a, b) => a - b);
  const seen = new Set<string>();
  const out: ShiftPattern[] = [];
  let group = 0;
  for (const day of [...new Set(days)]) {
    for (const start of startMinutes(rules)) {
      for (const length of [...new Set(rules.lengths)].sort((a, b) => a - b)) {
        for (const breaks of breakPlacements(rules, length, minutes)) {
          const covers: number[] = [];
          const first = (day * 1440 + start) / minutes;
          for (let k = 0; k < length / minutes; k++) {
            const at = k * minutes;
            if (breaks.some((b) => at >= b.offset && at < b.offset + b.length)) continue;
            covers.push((first + k) % cells);
          }
          const key = `${length}|${covers.join(",")}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ day, start, length, breaks, covers, group });
        }
        group++;
      }
    }
  }
  return out;
}

/** Every way to place the breaks the rules give a shift of `length` minutes (none overlapping). */
function breakPlacements(rules: ShiftRules, length: number, minutes: number): { offset: number; length: number }[][] {
  let placements: { offset: number; length: number }[][] = [[]];
  for (const rule of rules.breaks) {
    if (rule.minShift !== undefined && length < rule.minShift) continue;
    const options: number[] = [];
    for (let at = rule.within[0]; at + rule.length <= Math.min(rule.within[1], length); at += minutes) options.push(at);
    if (options.length === 0) continue;
    const next: typeof placements = [];
    for (const placed of placements) {
      for (const offset of options) {
        const clash = placed.some((b) => offset < b.offset + b.length && b.offset < offset + rule.length);
        if (!clash) next.push([...placed, { offset, length: rule.length }]);
      }
    }
    placements = next;
  }
  return placements;
}
