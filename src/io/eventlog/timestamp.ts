/**
 * Timestamps of an event log: which of the common forms a column uses, and reading it.
 * Understood: ISO 8601 ("2026-01-05T08:30", with seconds, fractions, "Z" or "+02:00", a
 * space instead of "T", or a date alone) and day-first or month-first dates with "-", "/"
 * or "." ("29-02-2016 01:16", "02/29/2016 1:16:05 PM"). The form is chosen once from a
 * sample of the column, so "03/04/2016" is read the same way on every row.
 *
 * Times are milliseconds on the log's own wall clock: a time without an offset is read as
 * written; one with an offset is moved to the wall clock of `wallOffsetMinutes` (the offset
 * of the first such time), so hour-of-week profiles stay in the help desk's local hours.
 */

export type TimeFormatId = "iso" | "dmy" | "mdy";

export interface TimeFormat {
  id: TimeFormatId;
  /** What the user is told was read, e.g. "dd-mm-yyyy hh:mm (day first)". */
  description: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const NUMERIC =
  /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*([AaPp][Mm])?)?$/;

/** Chooses the form of a timestamp column from sample values; undefined when none fits. */
export function detectTimeFormat(samples: readonly string[]): TimeFormat | undefined {
  const values = samples.map((s) => s.trim()).filter((s) => s.length > 0 && !isMissing(s));
  if (values.length === 0) return undefined;
  if (values.every((v) => ISO.test(v))) {
    const offset = values.some((v) => /(Z|[+-]\d{2}:?\d{2})$/i.test(v));
    return { id: "iso", description: `ISO 8601${offset ? " with time-zone offsets" : " (no offset: local time)"}` };
  }
  const parts = values.map((v) => NUMERIC.exec(v));
  if (parts.some((p) => p === null)) return undefined;
  const firstOver12 = parts.some((p) => Number(p?.[1]) > 12);
  const secondOver12 = parts.some((p) => Number(p?.[3]) > 12);
  if (firstOver12 && secondOver12) return undefined;
  const sep = parts[0]?.[2] ?? "-";
  const hasTime = parts.some((p) => p?.[5] !== undefined);
  const time = hasTime ? " hh:mm" : "";
  if (secondOver12) return { id: "mdy", description: `mm${sep}dd${sep}yyyy${time} (month first)` };
  const why = firstOver12 ? "day first" : "day first: no value tells day from month, so read as day first";
  return { id: "dmy", description: `dd${sep}mm${sep}yyyy${time} (${why})` };
}

const MISSING = /^(null|n\/a|na|none|nan)$/i;

/** Whether a cell means "no value" ("", "?", "NULL", "N/A", "-"). */
export function isMissing(value: string): boolean {
  const v = value.trim();
  // Every word for "no value" has at most 4 letters: most cells are told apart by length alone.
  if (v.length > 4) return false;
  return v === "" || v === "?" || v === "-" || MISSING.test(v);
}

/**
 * Reads one timestamp in `format`; NaN when it does not parse or is no real date.
 * @param wallOffsetMinutes the log's wall-clock offset (times with an offset move to it)
 */
export function parseTimestamp(value: string, format: TimeFormat, wallOffsetMinutes = 0): number {
  const v = value.trim();
  if (format.id === "iso") {
    const m = ISO.exec(v);
    if (!m) return Number.NaN;
    const ms = wallClock(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), m[7]);
    if (m[8] === undefined) return ms;
    return ms - offsetMinutes(m[8]) * 60_000 + wallOffsetMinutes * 60_000;
  }
  const m = NUMERIC.exec(v);
  if (!m) return Number.NaN;
  const [a, b] = format.id === "dmy" ? [+m[3]!, +m[1]!] : [+m[1]!, +m[3]!];
  let hour = +(m[5] ?? 0);
  const ampm = m[9]?.toLowerCase();
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return Number.NaN;
    hour = (hour % 12) + (ampm === "pm" ? 12 : 0);
  }
  return wallClock(+m[4]!, a, b, hour, +(m[6] ?? 0), +(m[7] ?? 0), m[8]);
}

/** The offset written at the end of an ISO time, in minutes (0 when none). */
export function timeOffsetMinutes(value: string): number {
  const m = ISO.exec(value.trim());
  return m?.[8] ? offsetMinutes(m[8]) : 0;
}

/** Writes wall-clock milliseconds as ISO 8601 without offset ("2026-01-05T08:30:00"). */
export function formatWallClock(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

// helpers

/** Midnight of each date seen (a log has few distinct dates; checking one is the slow part). */
const dayCache = new Map<number, number>();

function wallClock(y: number, mo: number, d: number, h: number, mi: number, s: number, frac?: string): number {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return Number.NaN;
  const key = y * 10000 + mo * 100 + d;
  let day = dayCache.get(key);
  if (day === undefined) {
    // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
    day = new Date(0).setUTCFullYear(y, mo - 1, d);
    // Date.UTC rolls 31 April over into May: such a date is not real.
    if (new Date(day).getUTCDate() !== d) day = Number.NaN;
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(key, day);
  }
  return day + ((h * 60 + mi) * 60 + s) * 1000 + (frac ? Math.round(Number(`0.${frac}`) * 1000) : 0);
}

function offsetMinutes(text: string): number {
  if (text.toUpperCase() === "Z") return 0;
  const sign = text[0] === "-" ? -1 : 1;
  const digits = text.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}
