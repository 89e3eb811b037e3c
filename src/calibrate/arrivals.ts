/**
 * Which part of a log the arrival level is fitted on. An export often covers its period
 * unevenly: a dense stretch with a sparse tail (the UCI ServiceNow log is dense for 13
 * weeks), or an extract of the tickets closed in one month, where older tickets appear only
 * if they lived that long, so starts pile up just before the closures and the creation span
 * says nothing of the true rate. The level is fitted on the stable part: the longest run of
 * whole weeks whose starts are at least half the busiest week's (the whole span when it is
 * shorter than three weeks), and a closure-biased extract is named as such.
 */
import type { LogAnalysis } from "./analyze";

const DAY_MS = 86_400_000;

export interface ArrivalWindow {
  /** Wall-clock ms, start of the first day and end of the last day of the stable part. */
  fromMs: number;
  toMs: number;
  days: number;
  /** Tickets created in the window, and their share of all tickets. */
  tickets: number;
  share: number;
  /** Whether the window is the whole creation span. */
  whole: boolean;
  /** Set when closures sit in a short window while starts reach far back (a closure-date extract). */
  closureBiased?: { closuresFrom: string; closuresTo: string; closureDays: number; spanDays: number };
  /** What was done, in words, for the report. */
  note: string;
}

/** The stable part of the log's ticket starts, and whether it is a closure-date extract. */
export function arrivalWindow(a: LogAnalysis): ArrivalWindow {
  const byDay = new Map<number, number>();
  for (const m of a.createdByDay) if (m) for (const [d, n] of m) byDay.set(d, (byDay.get(d) ?? 0) + n);
  const total = a.tickets.size;
  const firstDay = Math.floor(a.firstCreated / DAY_MS);
  const lastDay = Math.floor(a.lastCreated / DAY_MS);
  const spanDays = lastDay - firstDay + 1;
  const whole: ArrivalWindow = {
    fromMs: a.firstCreated,
    toMs: a.lastCreated,
    days: Math.max(1 / 24, (a.lastCreated - a.firstCreated) / DAY_MS),
    tickets: total,
    share: 1,
    whole: true,
    note: "",
  };
  const biased = closureBias(a, spanDays);
  if (spanDays < 21) return withNote({ ...whole, ...(biased ? { closureBiased: biased } : {}) });
  // Weeks counted from the first day; the last, partial week is scaled to seven days.
  const weeks = Math.ceil(spanDays / 7);
  const counts = new Float64Array(weeks);
  for (const [d, n] of byDay) counts[Math.floor((d - firstDay) / 7)]! += n;
  const lastLength = spanDays - (weeks - 1) * 7;
  const rate = Array.from(counts, (n, w) => (w === weeks - 1 ? (n * 7) / lastLength : n));
  const peak = Math.max(...rate);
  let best = [0, -1];
  for (let w = 0; w < weeks; ) {
    if (rate[w]! < peak / 2) {
      w++;
      continue;
    }
    let e = w;
    while (e + 1 < weeks && rate[e + 1]! >= peak / 2) e++;
    if (e - w > best[1]! - best[0]!) best = [w, e];
    w = e + 1;
  }
  const [w0, w1] = best as [number, number];
  if (w0 === 0 && w1 === weeks - 1) return withNote({ ...whole, ...(biased ? { closureBiased: biased } : {}) });
  const fromDay = firstDay + w0 * 7;
  const toDay = Math.min(lastDay, firstDay + w1 * 7 + 6);
  let tickets = 0;
  for (const [d, n] of byDay) if (d >= fromDay && d <= toDay) tickets += n;
  return withNote({
    fromMs: Math.max(a.firstCreated, fromDay * DAY_MS),
    toMs: Math.min(a.lastCreated, (toDay + 1) * DAY_MS),
    days: Math.max(
      1 / 24,
      (Math.min(a.lastCreated, (toDay + 1) * DAY_MS) - Math.max(a.firstCreated, fromDay * DAY_MS)) / DAY_MS,
    ),
    tickets,
    share: total > 0 ? tickets / total : 0,
    whole: false,
    ...(biased ? { closureBiased: biased } : {}),
    note: "",
  });
}

// helpers

function withNote(w: ArrivalWindow): ArrivalWindow {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const parts: string[] = [];
  if (w.closureBiased) {
    const b = w.closureBiased;
    parts.push(
      `This looks like an extract of tickets closed between ${b.closuresFrom} and ${b.closuresTo}: 90% of closures fall in ${b.closureDays} days while starts reach back ${b.spanDays} days, so older tickets appear only if they stayed open that long and the creation span understates the rate.`,
    );
  }
  parts.push(
    w.whole
      ? `Arrival level fitted on the whole creation span (${day(w.fromMs)} to ${day(w.toMs)}).`
      : `Arrival level fitted on the stable part, ${day(w.fromMs)} to ${day(w.toMs)} (${w.days.toFixed(0)} days holding ${(w.share * 100).toFixed(0)}% of tickets: the weeks with at least half the busiest week's starts); the sparse weeks outside it are left out of the level.`,
  );
  return { ...w, note: parts.join(" ") };
}

/**
 * A closure-date extract: 90% of closures inside a window under 30% of the creation span
 * (and at most 45 days), with the span at least four weeks.
 */
function closureBias(a: LogAnalysis, spanDays: number): ArrivalWindow["closureBiased"] {
  if (spanDays < 28) return undefined;
  const closed: number[] = [];
  for (const tk of a.tickets.values())
    if (tk.role === "closed" && Number.isFinite(tk.closedAt)) closed.push(tk.closedAt);
  if (closed.length < 50) return undefined;
  closed.sort((x, y) => x - y);
  const lo = closed[Math.floor(closed.length * 0.05)]!;
  const hi = closed[Math.floor(closed.length * 0.95)]!;
  const closureDays = Math.max(1, Math.round((hi - lo) / DAY_MS));
  if (closureDays > 45 || closureDays > 0.3 * spanDays) return undefined;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { closuresFrom: day(lo), closuresTo: day(hi), closureDays, spanDays };
}
