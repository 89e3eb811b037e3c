/**
 * Durations as ticket tables write them: a bare number in the unit the header names
 * ("First reply time in minutes", "First response time (in hrs)"; seconds when it names
 * none), "hh:mm[:ss]", words ("1 Hour 5 Minutes", ServiceNow's form), short units
 * ("2h 30m", "90s", "1d 4h", Jira's form) or ISO 8601 ("PT1H30M").
 */

const UNITS: [RegExp, number][] = [
  [/^(d|days?)$/, 86_400],
  [/^(h|hrs?|hours?)$/, 3_600],
  [/^(m|mins?|minutes?)$/, 60],
  [/^(s|secs?|seconds?)$/, 1],
  [/^(w|weeks?)$/, 7 * 86_400],
];
const CLOCK = /^(\d+):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?$/;
const ISO = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const PART = /(\d+(?:\.\d+)?)\s*([a-z]+)/gi;

/** Seconds per bare number in a column named `header` (1 when the name gives no unit). */
export function headerUnitSeconds(header: string): number {
  const h = header.toLowerCase();
  if (/\bdays?\b/.test(h)) return 86_400;
  if (/\b(hrs?|hours?)\b/.test(h)) return 3_600;
  if (/\b(mins?|minutes?)\b/.test(h)) return 60;
  return 1;
}

/** A duration in seconds; NaN when the text is none of the forms above or is negative. */
export function parseDuration(text: string, unitSeconds = 1): number {
  const v = text.trim();
  if (v === "") return Number.NaN;
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * unitSeconds;
  const clock = CLOCK.exec(v);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
  const iso = ISO.exec(v);
  if (iso && v.length > 1 && v.toUpperCase() !== "PT") {
    const [, d, h, m, s] = iso;
    return Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3_600 + Number(m ?? 0) * 60 + Number(s ?? 0);
  }
  let seconds = 0;
  let matched = "";
  for (const part of v.matchAll(PART)) {
    const unit = UNITS.find(([re]) => re.test(part[2]!.toLowerCase()));
    if (!unit) return Number.NaN;
    seconds += Number(part[1]) * unit[1];
    matched += part[0];
  }
  // Every character but spaces and commas must belong to a number-and-unit part.
  return matched.replace(/\s/g, "").length === v.replace(/[\s,]/g, "").length && matched !== "" ? seconds : Number.NaN;
}

/** A yes/no cell: true, false, or undefined when it says neither. */
export function parseFlag(text: string): boolean | undefined {
  const v = text.trim().toLowerCase();
  if (/^(true|yes|y|1|t|x|met|achieved)$/.test(v)) return true;
  if (/^(false|no|n|0|f|missed|breached)$/.test(v)) return false;
  return undefined;
}
