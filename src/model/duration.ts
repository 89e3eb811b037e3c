/**
 * Durations at the edge of the model. Inside Flowcast every duration is a number of
 * seconds; in a file a duration may also be a string with a unit: "90s", "6m", "2h", "3d".
 * The `Duration` codec turns one into the other both ways, so a saved file reads as
 * a person wrote it.
 */
import { z } from "zod";

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 } as const;
type Unit = keyof typeof UNIT_SECONDS;
const DURATION_PATTERN = /^\s*(-?\d+(?:\.\d+)?|-?\.\d+)\s*(s|m|h|d|w)?\s*$/i;

/**
 * Parses a duration: a number is seconds, a string carries its unit ("90s", "6m", "2h",
 * "3d", "1w"; a bare number in a string is seconds). Returns undefined when the text is
 * not a duration.
 */
export function parseDuration(value: number | string): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  const match = DURATION_PATTERN.exec(value);
  if (!match) return undefined;
  const unit = (match[2]?.toLowerCase() ?? "s") as Unit;
  return Number(match[1]) * UNIT_SECONDS[unit];
}

/**
 * Writes seconds with the largest unit that holds them as a whole number
 * (360 -> "6m", 90 -> "90s", 7200 -> "2h"); parseDuration(formatDuration(x)) === x always.
 */
export function formatDuration(seconds: number): string | number {
  if (!Number.isFinite(seconds)) return seconds;
  if (seconds === 0) return "0s";
  for (const unit of ["d", "h", "m"] as const) {
    const size = UNIT_SECONDS[unit];
    if (Math.abs(seconds) < size) continue;
    const scaled = seconds / size;
    if (Number.isInteger(scaled) && scaled * size === seconds) return `${scaled}${unit}`;
  }
  const text = `${seconds}s`;
  return parseDuration(text) === seconds ? text : seconds;
}

/** Human text for a number of seconds, for labels and tables: "45 s", "6.2 min", "3.4 h", "2.1 d". */
export function describeSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return "—";
  const abs = Math.abs(seconds);
  if (abs < 90) return `${round(seconds, abs < 10 ? 1 : 0)} s`;
  if (abs < 90 * 60) return `${round(seconds / 60, 1)} min`;
  if (abs < 48 * 3600) return `${round(seconds / 3600, 1)} h`;
  return `${round(seconds / 86400, 1)} d`;
}

/** A duration in a file: seconds, or a string with a unit. Decodes to seconds (>= 0). */
export const Duration = z.codec(z.union([z.number(), z.string()]), z.number().min(0, "must not be negative"), {
  decode: (value, ctx) => {
    const seconds = parseDuration(value);
    if (seconds === undefined) {
      ctx.issues.push({
        code: "custom",
        input: value,
        message: `"${String(value)}" is not a duration; write seconds (90) or a number with a unit: 90s, 6m, 2h, 3d`,
      });
      return z.NEVER;
    }
    return seconds;
  },
  encode: (seconds) => formatDuration(seconds),
});

// helpers

function round(value: number, digits: number): string {
  return value.toFixed(digits).replace(/\.0$/, "");
}
