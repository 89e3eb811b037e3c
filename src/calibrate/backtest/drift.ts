/**
 * A train period during which the help desk changed: when the tickets of its last four
 * weeks were resolved in a very different time from those before (the median by
 * Kaplan–Meier at least twice or at most half the earlier one), the flow is fitted on those
 * last four weeks, the desk as it is now, rather than on an average of two desks. On the UCI
 * ServiceNow log the median resolution falls from 45 h in March to 2.6 h in late April, and
 * May resolves in 1.9 h. Only a train period of at least eight weeks is judged (four weeks
 * each side), with at least 100 tickets each side. The baseline stays the whole train
 * period ("same as last period", as defined).
 */
import type { LogAnalysis, TicketState } from "../analyze";
import { kaplanMeierQuantiles } from "../sample";
import type { Window } from "./window";

const DAY_MS = 86_400_000;
/** The recent part a drifting train period is fitted on. */
export const RECENT_DAYS = 28;
/** Medians this many times apart (either way) are a change of the desk, not noise. */
export const DRIFT_RATIO = 2;
const MIN_TICKETS = 100;

export interface Drift {
  /** The part of the train period the flow is fitted on. */
  fit: Window;
  /** Median resolution (seconds) before the recent part and in it. */
  earlierMedianSeconds: number;
  recentMedianSeconds: number;
  note: string;
}

/**
 * The recent part to fit on when the train cohort `a` drifts, else undefined.
 * @param endMs the end of what is followed: tickets open then are censored
 */
export function detectDrift(a: LogAnalysis, train: Window, endMs: number): Drift | undefined {
  if (train.toMs - train.fromMs < 2 * RECENT_DAYS * DAY_MS) return undefined;
  const splitMs = train.toMs - RECENT_DAYS * DAY_MS;
  const earlier: { seconds: number; censored: boolean }[] = [];
  const recent: { seconds: number; censored: boolean }[] = [];
  for (const tk of a.tickets.values()) {
    const r = resolutionOf(tk, endMs);
    if (r) (tk.created < splitMs ? earlier : recent).push(r);
  }
  if (earlier.length < MIN_TICKETS || recent.length < MIN_TICKETS) return undefined;
  const [before] = kaplanMeierQuantiles(earlier, [0.5]);
  const [now] = kaplanMeierQuantiles(recent, [0.5]);
  if (!(before! > 0) || !(now! > 0)) return undefined;
  const ratio = now! / before!;
  if (ratio < DRIFT_RATIO && ratio > 1 / DRIFT_RATIO) return undefined;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    fit: { fromMs: splitMs, toMs: train.toMs },
    earlierMedianSeconds: before!,
    recentMedianSeconds: now!,
    note: `The train period drifts: tickets starting in its last ${RECENT_DAYS} days were resolved in a median ${hours(now!)} against ${hours(before!)} before, so the flow is fitted on those days (${day(splitMs)} to ${day(train.toMs - 1)}), the desk as it is now; the baseline stays the whole train period. --fit-span all fits the whole period.`,
  };
}

// helpers

/** Creation to closing, or to `endMs` (censored) when still open; as the cohort measures it. */
function resolutionOf(tk: TicketState, endMs: number): { seconds: number; censored: boolean } | undefined {
  const closed = tk.role === "closed" && Number.isFinite(tk.closedAt) && tk.closedAt <= endMs;
  if (tk.visits.length === 0 && !closed) return undefined;
  if (closed) return { seconds: (tk.closedAt - tk.created) / 1000, censored: false };
  if (tk.lost) return undefined;
  return { seconds: Math.max(0, endMs - tk.created) / 1000, censored: true };
}

function hours(seconds: number): string {
  const h = seconds / 3600;
  return h >= 48 ? `${(h / 24).toFixed(1)} d` : `${h.toFixed(1)} h`;
}
