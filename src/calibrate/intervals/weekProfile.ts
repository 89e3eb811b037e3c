/**
 * The typical week of an interval report: which days count (the whole Monday-to-Sunday
 * weeks inside the report; holidays and other outlier days left out and flagged), and per
 * channel and interval of the week (Monday 00:00 first) the report's figures averaged over
 * the days that count. A partial week is never averaged as a whole one: each interval is
 * divided by the number of its weekday's days that count.
 */
import type { IntervalReport, IntervalRow } from "../../io/intervals";

const DAY_MS = 86_400_000;
export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** A day left out of the profile, and why. */
export interface FlaggedDay {
  date: string;
  weekday: string;
  offered: number;
  /** The median of the same weekday's days that count. */
  usual: number;
  reason: string;
}

/** The report's figures summed per interval of the week over the days that count. */
export interface CellSums {
  offered: Float64Array;
  answered: Float64Array;
  abandoned: Float64Array;
  /** Offered contacts of rows that give the figure (the weights of the means below). */
  ahtWeight: Float64Array;
  ahtSum: Float64Array;
  asaWeight: Float64Array;
  asaSum: Float64Array;
  slWeight: Float64Array;
  slSum: Float64Array;
  /** 1 where the report has a row for the interval on some day that counts (open), else 0 (closed). */
  open: Uint8Array;
}

export interface WeekProfile {
  cells: number;
  intervalMinutes: number;
  from: string;
  to: string;
  days: number;
  wholeWeeks: number;
  /** Days of partial weeks left out (only when there is a whole week). */
  partialDays: string[];
  flagged: FlaggedDay[];
  /** Days that count per weekday, Monday first. */
  daysPerWeekday: number[];
  /** Per channel (report order). */
  sums: Map<string, CellSums>;
  warnings: string[];
}

/** Days that count, outlier days and per-channel sums per interval of the week. */
export function weekProfile(report: IntervalReport): WeekProfile {
  const cellsPerDay = 1440 / report.intervalMinutes;
  const cells = 7 * cellsPerDay;
  const dayOf = (row: IntervalRow) => Math.floor(row.startMs / DAY_MS);
  // Weekdays with no row anywhere in the report (a centre closed on Sundays) at either end
  // belong to the report's span, up to the week's edge: a month ending on Saturday with Sundays
  // closed is whole weeks.
  const openWeekdays = new Set(report.rows.map((r) => weekdayOf(dayOf(r))));
  let firstDay = Number.POSITIVE_INFINITY;
  let lastDay = Number.NEGATIVE_INFINITY;
  for (const row of report.rows) {
    firstDay = Math.min(firstDay, dayOf(row));
    lastDay = Math.max(lastDay, dayOf(row));
  }
  // Only a report spanning a week or more shows which weekdays are closed.
  const spansAWeek = lastDay - firstDay + 1 >= 7;
  while (spansAWeek && weekdayOf(firstDay) !== 0 && !openWeekdays.has(weekdayOf(firstDay - 1))) firstDay--;
  while (spansAWeek && weekdayOf(lastDay) !== 6 && !openWeekdays.has(weekdayOf(lastDay + 1))) lastDay++;
  const firstMonday = firstDay + ((7 - weekdayOf(firstDay)) % 7);
  const wholeWeeks = Math.max(0, Math.floor((lastDay + 1 - firstMonday) / 7));
  const counts = (day: number) => wholeWeeks === 0 || (day >= firstMonday && day < firstMonday + 7 * wholeWeeks);
  const warnings: string[] = [];
  if (wholeWeeks === 0)
    warnings.push(
      "the report holds no whole week (Monday to Sunday): each weekday is averaged over the days it has, and weekdays it lacks are closed",
    );
  const totals = new Map<number, number>();
  for (let d = firstDay; d <= lastDay; d++) totals.set(d, 0);
  for (const row of report.rows) totals.set(dayOf(row), (totals.get(dayOf(row)) ?? 0) + row.offered);
  const partialDays = [...totals.keys()].filter((d) => !counts(d)).map(dateOf);
  const flagged = flagOutliers([...totals.entries()].filter(([d]) => counts(d)));
  const flaggedDays = new Set(flagged.map((f) => f.date));
  const daysPerWeekday = [0, 0, 0, 0, 0, 0, 0];
  for (const d of totals.keys()) if (counts(d) && !flaggedDays.has(dateOf(d))) daysPerWeekday[weekdayOf(d)]!++;
  const sums = new Map<string, CellSums>(report.channels.map((c) => [c, emptySums(cells)]));
  for (const row of report.rows) {
    const day = dayOf(row);
    if (!counts(day) || flaggedDays.has(dateOf(day))) continue;
    const s = sums.get(row.channel)!;
    const minute = Math.round((row.startMs - day * DAY_MS) / 60_000);
    const k = weekdayOf(day) * cellsPerDay + Math.floor(minute / report.intervalMinutes);
    s.open[k] = 1;
    s.offered[k]! += row.offered;
    const answered = row.answered ?? (row.abandoned !== undefined ? row.offered - row.abandoned : undefined);
    const abandoned = row.abandoned ?? (row.answered !== undefined ? row.offered - row.answered : undefined);
    s.answered[k]! += Math.max(0, answered ?? row.offered);
    s.abandoned[k]! += Math.max(0, abandoned ?? 0);
    const w = row.offered;
    if (row.ahtSeconds !== undefined && w > 0) add(s.ahtWeight, s.ahtSum, k, w, row.ahtSeconds);
    if (row.asaSeconds !== undefined) {
      const answeredHere = Math.max(0, answered ?? row.offered);
      if (answeredHere > 0) add(s.asaWeight, s.asaSum, k, answeredHere, row.asaSeconds);
    }
    if (row.serviceLevel !== undefined && w > 0) add(s.slWeight, s.slSum, k, w, row.serviceLevel);
  }
  for (const [w, n] of daysPerWeekday.entries())
    if (n === 0 && wholeWeeks > 0)
      warnings.push(`every ${WEEKDAYS[w]} of the report is flagged, so ${WEEKDAYS[w]} is closed in the flow`);
  return {
    cells,
    intervalMinutes: report.intervalMinutes,
    from: dateOf(firstDay),
    to: dateOf(lastDay),
    days: lastDay - firstDay + 1,
    wholeWeeks,
    partialDays,
    flagged,
    daysPerWeekday,
    sums,
    warnings,
  };
}

/** "Mon 08:30": the name of an interval of the week. */
export function intervalName(cell: number, intervalMinutes: number): string {
  const perDay = 1440 / intervalMinutes;
  const m = (cell % perDay) * intervalMinutes;
  return `${WEEKDAYS[Math.floor(cell / perDay)]} ${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

// helpers

/** Monday 0 ... Sunday 6 of an epoch day (1970-01-01 was a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function emptySums(cells: number): CellSums {
  const f = () => new Float64Array(cells);
  return {
    offered: f(),
    answered: f(),
    abandoned: f(),
    ahtWeight: f(),
    ahtSum: f(),
    asaWeight: f(),
    asaSum: f(),
    slWeight: f(),
    slSum: f(),
    open: new Uint8Array(cells),
  };
}

function add(weight: Float64Array, sum: Float64Array, k: number, w: number, value: number): void {
  weight[k]! += w;
  sum[k]! += w * value;
}

/**
 * Days whose total offered is far from the median of their weekday (at least three such
 * days needed to tell): off by more than 40% and more than 4 Poisson standard deviations,
 * so ordinary day-to-day noise is never flagged. A day with nothing offered where its
 * weekday usually has contacts is a holiday.
 */
function flagOutliers(days: [number, number][]): FlaggedDay[] {
  const out: FlaggedDay[] = [];
  for (let w = 0; w < 7; w++) {
    const same = days.filter(([d]) => weekdayOf(d) === w);
    if (same.length < 3) continue;
    const sorted = same.map(([, n]) => n).sort((a, b) => a - b);
    const mid = sorted.length / 2;
    const usual = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    if (usual <= 0) continue;
    for (const [d, n] of same) {
      if (Math.abs(n - usual) <= Math.max(0.4 * usual, 4 * Math.sqrt(usual))) continue;
      const reason =
        n === 0
          ? "nothing offered on a day that usually has contacts (a holiday?)"
          : n < usual
            ? `${Math.round((100 * n) / usual)}% of a usual ${WEEKDAYS[w]} (a holiday or outage?)`
            : `${Math.round((100 * n) / usual)}% of a usual ${WEEKDAYS[w]} (an incident or campaign?)`;
      out.push({ date: dateOf(d), weekday: WEEKDAYS[w]!, offered: n, usual, reason });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
