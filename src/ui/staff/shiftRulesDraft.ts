/**
 * The shift rules as the dialog's form holds them (text fields, as typed), their defaults,
 * keeping them across reloads, and turning them into checked rules (rules.ts) with any
 * mistake named by the form's own label.
 */
import { DAYS } from "../../model/schema";
import { parseShiftRules, type ShiftRules, ShiftRulesError } from "../../staff/shifts/rules";

export type Day = (typeof DAYS)[number];

export interface ShiftRulesDraft {
  /** "8h" or "8h, 6h". */
  lengths: string;
  from: string;
  to: string;
  every: string;
  /** Empty: no break. */
  breakLength: string;
  breakFrom: string;
  breakTo: string;
  breakMinShift: string;
  days: Day[];
  daysPerWeek: number;
  minPerShift: number;
  /** Empty: no limit. */
  maxPerShift: string;
  /** Seconds the solver may spend per team and plan. */
  solveSeconds: number;
}

/**
 * Sensible defaults: 8-hour shifts starting on any hour of any day (so any opening hours
 * can be covered), a paid break in hours 3-5 of shifts from 6 hours, five days a week.
 */
const DEFAULT_SHIFT_RULES: ShiftRulesDraft = {
  lengths: "8h",
  from: "00:00",
  to: "23:00",
  every: "1h",
  breakLength: "30m",
  breakFrom: "3h",
  breakTo: "5h",
  breakMinShift: "6h",
  days: [...DAYS],
  daysPerWeek: 5,
  minPerShift: 0,
  maxPerShift: "",
  solveSeconds: 20,
};

const STORAGE_KEY = "flowcast.shiftRules.v1";

/** The defaults at a planning interval: the break is 30 minutes, or an hour at 60-minute intervals. */
export function defaultShiftRules(intervalMinutes: number): ShiftRulesDraft {
  return { ...DEFAULT_SHIFT_RULES, breakLength: intervalMinutes >= 60 ? "1h" : "30m" };
}

/** The rules last used in this browser, else the defaults for the flow's planning interval. */
export function loadShiftRulesDraft(intervalMinutes: number): ShiftRulesDraft {
  const defaults = defaultShiftRules(intervalMinutes);
  try {
    const text = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!text) return defaults;
    const saved = JSON.parse(text) as Partial<ShiftRulesDraft>;
    return { ...defaults, ...saved, days: (saved.days ?? DAYS).filter((d) => DAYS.includes(d)) };
  } catch {
    return defaults;
  }
}

export function saveShiftRulesDraft(draft: ShiftRulesDraft): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // private mode or full storage: the rules still apply to this search
  }
}

/** The draft as the rules file would say it (`flowcast-shifts/v1`). */
export function draftToJson(draft: ShiftRulesDraft): Record<string, unknown> {
  const max = draft.maxPerShift.trim();
  return {
    lengths: draft.lengths
      .split(/[,\s]+/)
      .map((x) => hours(x.trim()))
      .filter((x) => x.length > 0),
    starts: { from: draft.from, to: draft.to, every: draft.every },
    days: draft.days,
    breaks:
      draft.breakLength.trim() === ""
        ? []
        : [
            {
              length: draft.breakLength,
              within: [hours(draft.breakFrom), hours(draft.breakTo)],
              ...(draft.breakMinShift.trim() ? { minShift: hours(draft.breakMinShift) } : {}),
            },
          ],
    daysPerWeek: draft.daysPerWeek,
    minPerShift: draft.minPerShift,
    ...(max === "" ? {} : { maxPerShift: Number(max) }),
    solveSeconds: draft.solveSeconds,
  };
}

/** A bare number in an hours field ("8") is hours, not seconds. */
function hours(text: string): string {
  const t = text.trim();
  return /^\d+(\.\d+)?$/.test(t) ? `${t}h` : t;
}

const LABELS: [RegExp, string][] = [
  [/^lengths(\[\d+\])?/, "Shift lengths"],
  [/^starts\.from/, "First start"],
  [/^starts\.to/, "Last start"],
  [/^starts\.every/, "Start every"],
  [/^starts(\[\d+\])?/, "Start times"],
  [/^days(\[\d+\])?/, "Days"],
  [/^breaks\[0\]\.length/, "Break length"],
  [/^breaks\[0\]\.within\[0\]/, "Break from"],
  [/^breaks\[0\]\.within(\[1\])?/, "Break by"],
  [/^breaks\[0\]\.minShift/, "Break on shifts from"],
  [/^daysPerWeek/, "Days a week per person"],
  [/^minPerShift/, "Fewest people per shift"],
  [/^maxPerShift/, "Most people per shift"],
  [/^solveSeconds/, "Solver time"],
];

/** Checked rules, or the first mistake in the form's words ("Break length: …"). */
export function draftToRules(
  draft: ShiftRulesDraft,
  intervalMinutes: number,
): { ok: true; rules: ShiftRules } | { ok: false; message: string } {
  try {
    return { ok: true, rules: parseShiftRules(draftToJson(draft), intervalMinutes) };
  } catch (error) {
    if (!(error instanceof ShiftRulesError)) throw error;
    let message = error.message;
    for (const [pattern, label] of LABELS) {
      if (pattern.test(message)) {
        message = message.replace(pattern, label);
        break;
      }
    }
    message = message.replace("below minPerShift", "below the fewest people per shift");
    return { ok: false, message };
  }
}
