/**
 * Shift rules (`flowcast-shifts/v1`, docs/staffing.md): what shifts a planner may roster.
 * Lengths, allowed start times (a list, or a window with a step), the days shifts may start,
 * paid break rules (a 30-minute break starting between hours 3 and 5 of a shift), days worked
 * per person per week, people per shift and the cost per paid hour per team. Parsed with zod;
 * every error names the field ("breaks[0].within: ...").
 */
import { z } from "zod";
import { parseDuration } from "../../model/duration";
import { DAYS } from "../../model/schema";

const SHIFTS_FORMAT = "flowcast-shifts/v1";

/** A duration written "8h", "30m", "7.5h" or as seconds. */
const Span = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const seconds = parseDuration(value);
  if (seconds === undefined || !(seconds > 0)) {
    ctx.addIssue({ code: "custom", message: `"${value}" is not a duration; write e.g. "8h", "30m" or "7.5h"` });
    return z.NEVER;
  }
  return seconds / 60;
});

const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day written "HH:MM", e.g. "08:00"')
  .transform((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));

const StartWindow = z.object({
  from: TimeOfDay,
  to: TimeOfDay,
  every: Span,
});

const BreakRule = z.object({
  /** Length of the (paid) break. */
  length: Span,
  /** The break lies within [from, to] hours of the shift's start, e.g. ["3h", "5h"]. */
  within: z.tuple([Span, Span]),
  /** Only shifts at least this long take the break (default: every shift). */
  minShift: Span.optional(),
});

export const ShiftRulesSchema = z
  .object({
    format: z.literal(SHIFTS_FORMAT).optional(),
    /** Shift lengths, paid time including breaks: ["8h", "6h"]. */
    lengths: z.array(Span).min(1, "must list at least one shift length"),
    /** Start times: ["07:00", "08:30"] or { from: "06:00", to: "14:00", every: "30m" }. */
    starts: z.union([z.array(TimeOfDay).min(1, "must list at least one start time"), StartWindow]),
    /** Days shifts may start on (default: every day). */
    days: z.array(z.enum(DAYS)).min(1, "must name at least one day").optional(),
    breaks: z.array(BreakRule).default([]),
    /** Most days one person works in a week (sets the head count of the roster; default 5). */
    daysPerWeek: z.number().int("must be a whole number").min(1).max(7).default(5),
    /** People on one shift (day, start, length): none, or at least `minPerShift` and at most `maxPerShift`. */
    minPerShift: z.number().int("must be a whole number").min(0).default(0),
    maxPerShift: z.number().int("must be a whole number").min(1).optional(),
    /** Most seconds the solver spends per team; past it, the best plan found is given, marked not proved optimal. */
    solveSeconds: z.number().positive("must be more than 0").max(600, "must be at most 600").default(20),
    /** Cost per paid hour per team id (default: the team's costPerHour). */
    costPerHour: z.record(z.string(), z.number().min(0, "must not be negative")).default({}),
  })
  .strict();

export type ShiftRules = z.output<typeof ShiftRulesSchema>;

export class ShiftRulesError extends Error {}

/** Parses rules from JSON text or a value; throws ShiftRulesError naming the field. */
export function parseShiftRules(input: unknown, intervalMinutes: number): ShiftRules {
  const parsed = ShiftRulesSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("") ?? "";
    throw new ShiftRulesError(`${where.replace(/^\./, "") || "the rules"}: ${issue?.message ?? "invalid"}`);
  }
  const rules = parsed.data;
  const aligned = (what: string, minutes: number) => {
    if (minutes % intervalMinutes !== 0) {
      throw new ShiftRulesError(
        `${what}: ${minutes} minutes is not a whole number of ${intervalMinutes}-minute planning intervals (clock.intervalMinutes)`,
      );
    }
  };
  rules.lengths.forEach((m, i) => {
    aligned(`lengths[${i}]`, m);
    if (m > 24 * 60) throw new ShiftRulesError(`lengths[${i}]: a shift lasts at most 24h`);
  });
  for (const [i, m] of startMinutes(rules).entries()) aligned(`starts[${i}]`, m);
  if (!Array.isArray(rules.starts) && rules.starts.to < rules.starts.from) {
    throw new ShiftRulesError(
      'starts.to: must not be before starts.from (a window within one day, e.g. "06:00" to "14:00")',
    );
  }
  rules.breaks.forEach((b, i) => {
    aligned(`breaks[${i}].length`, b.length);
    aligned(`breaks[${i}].within[0]`, b.within[0]);
    aligned(`breaks[${i}].within[1]`, b.within[1]);
    if (b.within[1] - b.within[0] < b.length) {
      throw new ShiftRulesError(`breaks[${i}].within: the window is shorter than the break`);
    }
  });
  if (rules.maxPerShift !== undefined && rules.maxPerShift < rules.minPerShift) {
    throw new ShiftRulesError("maxPerShift: must not be below minPerShift");
  }
  return rules;
}

/** The allowed start times, minutes after midnight. */
export function startMinutes(rules: ShiftRules): number[] {
  if (Array.isArray(rules.starts)) return [...new Set(rules.starts)].sort((a, b) => a - b);
  const out: number[] = [];
  for (let m = rules.starts.from; m <= rules.starts.to; m += rules.starts.every) out.push(m);
  return out;
}
