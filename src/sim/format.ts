/**
 * How the figures of a results document are written, everywhere they are shown: the CLI
 * tables, the comparison, the dashboard, charts' labels and the CSV exports. Each KPI has a
 * unit (a share, seconds, a count, money) and each unit a fixed precision, so a figure never
 * reads as float noise ("+6.7e-15 pp", "−0.0017 tickets"): shares to 0.1% (differences to
 * 0.1 pp), counts to 0.1 below 100 and whole above, money to the cent, times in the unit
 * that suits their size (s, min, h, d) to one decimal. No exponent notation, ever; what
 * rounds to zero carries no sign.
 */
import { parseDuration } from "../model";
import { type KpiUnit, kpiTable } from "./kpis";
import type { Estimate, KpiName } from "./results";

export type { KpiUnit } from "./kpis";

/** Every KPI's unit, for tables, comparisons and CSV. */
export const KPI_UNITS: Record<KpiName, KpiUnit> = kpiTable("unit");

/** Readable KPI names, in the words of a support manager. */
export const KPI_LABELS: Record<KpiName, string> = kpiTable("label");

/** One figure in its unit: 0.723 share -> "72.3%", 372 s -> "6.2 min", 12.5 money -> "12.50". */
export function formatValue(value: number | null | undefined, unit: KpiUnit): string {
  if (!isFiniteNumber(value)) return "—";
  const style = styleOf(value, unit);
  return withSign(value, formatIn(Math.abs(value), style, style.digits));
}

/**
 * A figure for a sentence, rounded further than in tables: shares of 10% or more in whole
 * percent ("97% busy"), trailing ".0" dropped ("wait 4 h"). Tables keep formatValue.
 */
export function formatBrief(value: number | null | undefined, unit: KpiUnit): string {
  if (!isFiniteNumber(value)) return "—";
  const style = styleOf(value, unit);
  const digits = unit === "share" && Math.abs(value) >= 0.0995 ? 0 : style.digits;
  const text = withSign(value, formatIn(Math.abs(value), style, digits));
  return unit === "money" ? text : text.replace(/\.0(?=\D*$)/, "");
}

/**
 * An estimate with its interval, all three in the mean's unit: "72.3% (71.8% – 72.9%)",
 * "6.2 min (5.9 min – 6.6 min)". The one precision rule for intervals, in the app and the
 * CLI alike: digits are added (up to two more) until the bounds differ, so a tight interval
 * never reads as none; an interval still too narrow to tell its ends apart is written as its
 * half-width in a unit that suits it ("2.6 min (± 0.031 s)"), never as "2.568 min – 2.568 min";
 * the mean alone when the interval is a point.
 */
export function formatEstimate(estimate: Estimate | undefined, unit: KpiUnit): string {
  if (!estimate || !isFiniteNumber(estimate.mean)) return "—";
  const bounds = boundsOf(estimate, unit);
  if (!bounds || bounds[0] === bounds[1]) return formatValue(estimate.mean, unit);
  const [mean, lo, hi] = inOneStyle([estimate.mean, ...bounds], styleOf(estimate.mean, unit));
  if (lo === hi) return `${formatValue(estimate.mean, unit)} (± ${formatHalfWidth(bounds, unit)})`;
  return `${mean} (${lo} – ${hi})`;
}

/**
 * "95% CI 71.8% – 72.9%", in the mean's unit with enough digits to tell the ends apart, or
 * its half-width when even that cannot ("95% CI ± 0.031 s"; "95% CI ± 0 pp" when every
 * replication gave the same figure). Same rule as formatEstimate.
 */
export function formatInterval(estimate: Estimate | undefined, unit: KpiUnit): string {
  if (!estimate || !isFiniteNumber(estimate.mean)) return "95% CI —";
  const bounds = boundsOf(estimate, unit);
  if (!bounds) return "95% CI —";
  const [, lo, hi] = inOneStyle([estimate.mean, ...bounds], styleOf(estimate.mean, unit));
  if (lo === hi) return `95% CI ± ${formatHalfWidth(bounds, unit)}`;
  return `95% CI ${lo} – ${hi}`;
}

/**
 * A signed difference: shares in percentage points ("+2.1 pp"), times and money signed
 * ("−16 s", "+0.50"). What rounds to zero has no sign ("0.0 pp"). `withUnit: false` leaves
 * out " pp".
 */
export function formatDifference(value: number, unit: KpiUnit, withUnit = true): string {
  if (!isFiniteNumber(value)) return "—";
  return formatSigned(value, differenceStyle(value, unit, withUnit));
}

/**
 * A difference with its 95% interval, all in one unit: "+2.1 pp (+1.4 to +2.8)",
 * "−4.2 min (−5.0 to −3.4)". The interval is left out when it is unknown or too narrow to show.
 */
export function formatDifferenceWithInterval(difference: number, ci95: readonly number[], unit: KpiUnit): string {
  if (!isFiniteNumber(difference)) return "—";
  const [lo, hi] = ci95;
  if (!isFiniteNumber(lo) || !isFiniteNumber(hi) || lo === hi) return formatDifference(difference, unit);
  // One style for all three, chosen by the largest, so "−30 s to +2.0 min" never happens.
  const largest = Math.max(Math.abs(difference), Math.abs(lo), Math.abs(hi));
  const style = differenceStyle(largest, unit, true);
  const bare = { ...style, suffix: "" };
  const [text, low, high] = [formatSigned(difference, style), formatSigned(lo, bare), formatSigned(hi, bare)];
  // An interval too narrow to show at this precision adds nothing.
  return low === high ? text : `${text} (${low} to ${high})`;
}

/** A practical threshold in a KPI's unit, unsigned: "0.5 pp", "1 s", "2 min", "1 ticket", "0.05". */
export function formatThreshold(value: number, unit: KpiUnit): string {
  if (!isFiniteNumber(value)) return "—";
  const short = numberFormat(2, false);
  switch (unit) {
    case "share":
      return `${short.format(value * 100)} pp`;
    case "seconds": {
      // The largest unit the threshold fills: 60 s is "1 min", 5400 s "1.5 h".
      const [size, suffix] =
        value >= 86400 ? [86400, " d"] : value >= 3600 ? [3600, " h"] : value >= 60 ? [60, " min"] : [1, " s"];
      return `${short.format(value / size)}${suffix}`;
    }
    case "count":
      return `${short.format(value)} ticket${value === 1 ? "" : "s"}`;
    case "money":
      return groupThousands(value, 2);
  }
}

/**
 * A practical threshold as a user types it, in the unit tables show (percentage points for
 * rates: "0.5" or "0.5 pp"; a duration for times: "30s", "2m", or seconds; tickets; money),
 * returned in the KPI's own unit (shares as fractions, seconds). Undefined when it is not a
 * number of 0 or more.
 */
export function parseThreshold(kpi: KpiName, text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const unit = KPI_UNITS[kpi];
  let value: number | undefined;
  if (unit === "seconds") value = parseDuration(/^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed);
  else if (unit === "share") value = Number(trimmed.replace(/\s*(pp|%)$/i, "")) / 100;
  else value = Number(trimmed);
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * A figure for machine-readable exports (CSV): plain units (shares 0..1, seconds, counts,
 * money), fixed decimals with trailing zeros dropped, never an exponent; "" when missing.
 */
export function formatPlain(value: number | null | undefined, unit: KpiUnit | "hours"): string {
  if (!isFiniteNumber(value)) return "";
  const digits = { share: 6, seconds: 3, count: 4, money: 4, hours: 4 }[unit];
  const text = numberFormat(digits, false).format(value);
  return /[1-9]/.test(text) ? text : "0";
}

/**
 * Half an interval's width to two significant digits in a unit that suits its own size:
 * percentage points for shares ("0.0042 pp"), s/min/h/d for times, plain for counts and money.
 */
export function formatHalfWidth(bounds: readonly [number, number], unit: KpiUnit): string {
  const half = Math.abs(bounds[1] - bounds[0]) / 2;
  const style =
    unit === "share"
      ? { size: 0.01, suffix: " pp" }
      : unit === "seconds"
        ? styleOf(half, unit)
        : { size: 1, suffix: "" };
  if (!(half > 0)) return `0${style.suffix}`;
  return `${SIGNIFICANT.format(half / style.size)}${style.suffix}`;
}

const SIGNIFICANT = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 2, useGrouping: true });

// helpers

interface NumberStyle {
  /** Value per displayed unit (60 for minutes, 0.01 for percent). */
  size: number;
  suffix: string;
  digits: number;
}

/** The unit and digits a value is shown in, chosen from its size. */
function styleOf(value: number, unit: KpiUnit): NumberStyle {
  const abs = Math.abs(value);
  switch (unit) {
    case "share":
      return { size: 0.01, suffix: "%", digits: 1 };
    case "money":
      return { size: 1, suffix: "", digits: 2 };
    case "count":
      return { size: 1, suffix: "", digits: abs >= 99.95 ? 0 : 1 };
    case "seconds":
      if (abs < 89.5) return { size: 1, suffix: " s", digits: abs < 9.95 ? 1 : 0 };
      if (abs < 89.95 * 60) return { size: 60, suffix: " min", digits: 1 };
      if (abs < 47.95 * 3600) return { size: 3600, suffix: " h", digits: 1 };
      return { size: 86400, suffix: " d", digits: 1 };
  }
}

function differenceStyle(value: number, unit: KpiUnit, withUnit: boolean): NumberStyle {
  if (unit === "share") return { size: 0.01, suffix: withUnit ? " pp" : "", digits: 1 };
  return styleOf(value, unit);
}

/**
 * The interval's bounds, clipped to what the figure can be (a share within 0–100%, times,
 * counts and money not below 0: a Student-t interval of a small positive mean can reach
 * below zero); undefined when missing.
 */
function boundsOf(estimate: Estimate, unit: KpiUnit): [number, number] | undefined {
  const [lo, hi] = estimate.ci95 ?? [];
  if (!isFiniteNumber(lo) || !isFiniteNumber(hi)) return undefined;
  const top = unit === "share" ? 1 : Number.POSITIVE_INFINITY;
  const clip = (v: number) => (estimate.mean >= 0 ? Math.min(Math.max(v, 0), Math.max(top, estimate.mean)) : v);
  return [clip(lo), clip(hi)];
}

/** Writes values in one style, adding up to two digits until the last two differ. */
function inOneStyle(values: number[], style: NumberStyle): string[] {
  let text: string[] = [];
  for (let extra = 0; extra <= 2; extra++) {
    text = values.map((v) => withSign(v, formatIn(Math.abs(v), style, style.digits + extra)));
    if (text.at(-2) !== text.at(-1) || values.at(-2) === values.at(-1)) break;
  }
  return text;
}

function formatSigned(value: number, style: NumberStyle): string {
  const text = formatIn(Math.abs(value), style, style.digits);
  return /[1-9]/.test(text) ? `${value > 0 ? "+" : "−"}${text}` : text;
}

/** A minus sign only when the rounded figure is not zero ("−0.0" never shows). */
function withSign(value: number, magnitude: string): string {
  return value < 0 && /[1-9]/.test(magnitude) ? `−${magnitude}` : magnitude;
}

function formatIn(value: number, style: NumberStyle, digits: number): string {
  return `${groupThousands(value / style.size, digits)}${style.suffix}`;
}

/** Fixed decimals with thousands separators; Intl never falls back to exponent notation. */
function groupThousands(value: number, digits: number): string {
  return numberFormat(digits, true).format(value);
}

const FORMATS = new Map<string, Intl.NumberFormat>();

/** `digits` decimals exactly when grouped (tables), at most when not (exports). */
function numberFormat(digits: number, grouped: boolean): Intl.NumberFormat {
  const key = `${digits}${grouped}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat("en-US", {
      minimumFractionDigits: grouped ? digits : 0,
      maximumFractionDigits: digits,
      useGrouping: grouped,
    });
    FORMATS.set(key, format);
  }
  return format;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
