/**
 * Fits each channel's arrivals: the level (from the stable part of the log), the hourly and
 * weekly profile, the day-to-day spread (day factor) and the priority mix.
 */
import type { ChannelType, Priority } from "../model/schema";
import type { LogAnalysis } from "./analyze";
import type { ArrivalWindow } from "./arrivals";
import { guessChannel, guessPriority, round, shares, slug } from "./names";

export interface ChannelFit {
  id: string;
  label: string;
  channel: ChannelType;
  tickets: number;
  perHour: number;
  hourly: number[];
  weekly: number[];
  /** Hour-by-day profile, tickets per hour (Monday first), for the report. */
  profile: number[][];
  /** Spread of the day factor (sd of a gamma with mean 1), or undefined when Poisson fits. */
  dayFactorSd: number | undefined;
  priority: Partial<Record<Priority, number>>;
}

export function fitArrivals(a: LogAnalysis, window: ArrivalWindow): ChannelFit[] {
  const firstHour = Math.floor(a.firstCreated / 3_600_000);
  const lastHour = Math.max(firstHour, Math.floor(a.lastCreated / 3_600_000));
  const spanHours = lastHour - firstHour + 1;
  const occ = new Float64Array(168);
  for (let h = firstHour; h <= lastHour; h++) occ[(h + 72) % 168]!++; // epoch hour 0 is Thursday 00:00
  const usedIds = new Set<string>();
  return a.channels.list.map((raw, c) => {
    const how = a.createdByHourOfWeek[c] ?? new Float64Array(168);
    const tickets = how.reduce((x, y) => x + y, 0);
    const rate = (i: number) => (occ[i]! > 0 ? how[i]! / occ[i]! : 0);
    const profile = Array.from({ length: 7 }, (_, d) =>
      Array.from({ length: 24 }, (_, h) => round(rate(d * 24 + h), 3)),
    );
    // The level from the stable part of the log when it is not the whole span.
    // A channel with no start inside the stable part keeps its rate over the whole span.
    const inWindow = window.whole ? 0 : ticketsIn(a.createdByDay[c], window);
    const perHour = inWindow > 0 ? inWindow / (window.days * 24) : tickets / spanHours;
    // Ratios to the mean rate over the hours the log covers; hours or days it never covers
    // keep weight 1, so a log shorter than a week does not inflate the days it has.
    const ratio = (slots: number[]) => {
      let count = 0;
      let hours = 0;
      for (const i of slots) {
        count += how[i]!;
        hours += occ[i]!;
      }
      return hours > 0 && perHour > 0 ? count / hours / perHour : 1;
    };
    const hourly = normalise(Array.from({ length: 24 }, (_, h) => ratio([0, 1, 2, 3, 4, 5, 6].map((d) => d * 24 + h))));
    const weekly = normalise(
      Array.from({ length: 7 }, (_, d) => ratio(Array.from({ length: 24 }, (_, h) => d * 24 + h))),
    );
    const label = raw === "" ? "Tickets" : raw;
    let id = `ch-${slug(label) || "channel"}`;
    for (let k = 2; usedIds.has(id); k++) id = `ch-${slug(label)}-${k}`;
    usedIds.add(id);
    const priority: Partial<Record<Priority, number>> = {};
    const pm = a.priorityByChannel[c] ?? new Map<number, number>();
    for (const [p, n] of pm) {
      const known = guessPriority(a.priorities.list[p]!);
      if (known) priority[known] = (priority[known] ?? 0) + n;
    }
    const total = Object.values(priority).reduce((x, y) => x + (y ?? 0), 0);
    const prio = total > 0 ? shares(Object.entries(priority) as [string, number][]) : {};
    return {
      id,
      label,
      channel: guessChannel(label),
      tickets,
      perHour,
      hourly,
      weekly,
      profile,
      dayFactorSd: dayFactorSd(within(a.createdByDay[c], window), perHour, hourly, weekly),
      priority: prio as Partial<Record<Priority, number>>,
    };
  });
}

/** Tickets created on the window's days. */
function ticketsIn(byDay: Map<number, number> | undefined, window: ArrivalWindow): number {
  let n = 0;
  for (const [, count] of within(byDay, window) ?? []) n += count;
  return n;
}

function within(byDay: Map<number, number> | undefined, window: ArrivalWindow): Map<number, number> | undefined {
  if (!byDay || window.whole) return byDay;
  const from = Math.floor(window.fromMs / 86_400_000);
  const to = Math.floor((window.toMs - 1) / 86_400_000);
  return new Map([...byDay].filter(([d]) => d >= from && d <= to));
}

/** sd of the day factor: the day-to-day spread beyond what Poisson arrivals give. */
function dayFactorSd(byDay: Map<number, number> | undefined, perHour: number, hourly: number[], weekly: number[]) {
  if (!byDay || byDay.size < 14) return undefined;
  const days = [...byDay.keys()].sort((x, y) => x - y).slice(1, -1); // first and last days are partial
  let sumR = 0;
  let sumR2 = 0;
  let sumInv = 0;
  for (const d of days) {
    const weekday = (d + 3) % 7; // epoch day 0 is a Thursday; Monday = 0
    const expected = perHour * 24 * weekly[weekday]! * (hourly.reduce((x, y) => x + y, 0) / 24);
    if (!(expected > 0)) continue;
    const r = (byDay.get(d) ?? 0) / expected;
    sumR += r;
    sumR2 += r * r;
    sumInv += 1 / expected;
  }
  const n = days.length;
  const mean = sumR / n;
  const variance = sumR2 / n - mean * mean - sumInv / n;
  return variance > 0.0004 ? Math.sqrt(variance) : undefined;
}

function normalise(xs: number[]): number[] {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.map((x) => (mean > 0 ? round(x / mean, 4) : 1));
}
