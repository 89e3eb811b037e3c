/**
 * Fits every distribution the calibrated flow needs from the log's analysis: handle times
 * (per team, per channel entry step, per priority where it differs), waits, reopen gaps,
 * patience and the channels' arrivals.
 */
import { PRIORITIES, type Priority } from "../model/schema";
import type { LogAnalysis } from "./analyze";
import { type ChannelFit, fitArrivals } from "./arrivalFit";
import { type ArrivalWindow, arrivalWindow } from "./arrivals";
import { type EntryStep, MIN_ENTRY_VISITS } from "./entrySteps";
import { type FitResult, fitDuration } from "./fit";
import { guessPriority } from "./names";
import type { DurationSample } from "./sample";

export interface FlowFits {
  handleTime: FitResult[];
  waits: FitResult[];
  reopenGaps: FitResult[];
  noWork: FitResult;
  patienceSeconds: (number | undefined)[];
  /** Per channel entry step ("team\u0000channel"): its handle time and patience. */
  entries: Map<string, EntryFit>;
  /**
   * Handle time per priority where priorities differ, per step: a team's step by its index
   * ("3"), an entry step by its key.
   */
  byPriority: Map<string, Partial<Record<Priority, FitResult>>>;
  arrivals: ChannelFit[];
  /** The part of the log the arrival level is fitted on. */
  arrivalWindow: ArrivalWindow;
}

export interface EntryFit {
  handleTime: FitResult;
  /** Mean patience (seconds), where abandonment is seen. */
  patienceSeconds: number | undefined;
  abandons: number;
  queued: number;
}

/** Fits every distribution the flow needs; `steps`: the channels' entry steps (`summarize`). */
export function fitFlow(a: LogAnalysis, steps: readonly EntryStep[] = []): FlowFits {
  const window = arrivalWindow(a);
  const split = new Set(steps.map((e) => e.team));
  const patienceSeconds = a.abandons.map((n, i) => (n > 0 ? a.queueSeconds[i]! / n : undefined));
  const entries = new Map<string, EntryFit>();
  for (const e of steps) {
    const q = a.entryQueue.get(e.key);
    entries.set(e.key, {
      handleTime: fitDuration(a.entryHandle.get(e.key)!),
      patienceSeconds: q && q.abandons > 0 ? q.seconds / q.abandons : undefined,
      abandons: q?.abandons ?? 0,
      queued: q?.contacts ?? 0,
    });
  }
  // A team split by channel keeps, at its own step, the visits the entry steps do not take:
  // their handle time, and the time in its queue less the entry steps' (same MLE).
  for (const t of split) {
    let seconds = a.queueSeconds[t]!;
    let abandons = a.abandons[t]!;
    for (const e of steps) {
      if (e.team !== t) continue;
      const q = a.entryQueue.get(e.key);
      seconds -= q?.seconds ?? 0;
      abandons -= q?.abandons ?? 0;
    }
    patienceSeconds[t] = abandons > 0 && seconds > 0 ? seconds / abandons : undefined;
  }
  const byPriority = new Map<string, Partial<Record<Priority, FitResult>>>();
  const samplesOf = (map: Map<string, DurationSample>, prefix: string) =>
    [...map].flatMap(([key, s]) => (key.startsWith(prefix) ? [[Number(key.slice(prefix.length)), s] as const] : []));
  // A team split by channel: its own step takes the later visits, whose priorities are not
  // kept apart; its entry steps have their own.
  for (const t of a.teams.list.keys()) {
    if (split.has(t)) continue;
    const fit = priorityHandle(a, samplesOf(a.handleByPriority, `${t}\u0000`));
    if (fit) byPriority.set(String(t), fit);
  }
  for (const e of steps) {
    const fit = priorityHandle(a, samplesOf(a.entryHandleByPriority, `${e.key}\u0000`));
    if (fit) byPriority.set(e.key, fit);
  }
  return {
    byPriority,
    handleTime: a.handle.map((s, t) => {
      const later = a.laterHandle.get(String(t));
      return fitDuration(split.has(t) && later && later.n >= MIN_ENTRY_VISITS ? later : s);
    }),
    waits: a.waits.map((s) => fitDuration(s)),
    reopenGaps: a.reopenGaps.map((s) => fitDuration(s)),
    noWork: fitDuration(a.noWork),
    patienceSeconds,
    entries,
    arrivals: fitArrivals(a, window),
    arrivalWindow: window,
  };
}

/**
 * Handle time per Flowcast priority at one step, when it changes with priority: each priority
 * with at least `MIN_ENTRY_VISITS` visits (the log's text with most visits where several
 * read as one priority), kept when two of them differ in mean by more than 5% and three
 * standard errors; undefined otherwise.
 */
function priorityHandle(
  a: LogAnalysis,
  samples: (readonly [number, DurationSample])[],
): Partial<Record<Priority, FitResult>> | undefined {
  const best = new Map<Priority, DurationSample>();
  for (const [p, s] of samples) {
    const known = guessPriority(a.priorities.list[p] ?? "");
    if (!known || s.n < MIN_ENTRY_VISITS) continue;
    if ((best.get(known)?.n ?? 0) < s.n) best.set(known, s);
  }
  const list = [...best.values()];
  const differ = list.some((x, i) =>
    list.slice(i + 1).some((y) => {
      const gap = Math.abs(x.mean - y.mean);
      return gap > 0.05 * Math.max(x.mean, y.mean) && gap > 3 * Math.sqrt(x.sd ** 2 / x.n + y.sd ** 2 / y.n);
    }),
  );
  if (!differ) return undefined;
  const out: Partial<Record<Priority, FitResult>> = {};
  for (const p of PRIORITIES) {
    const s = best.get(p);
    if (s) out[p] = fitDuration(s);
  }
  return out;
}

/** How many of Flowcast's priorities the log's priority texts name. */
export function priorityLevels(a: LogAnalysis): number {
  const known = new Set<Priority>();
  for (const text of a.priorities.list) {
    const p = guessPriority(text);
    if (p) known.add(p);
  }
  return known.size;
}
