/**
 * The figures of one cohort of tickets (those starting in a window), measured the same way
 * on the log's test period, on its train period (the baseline) and on each simulated
 * replication: volume, shares of escalated, reassigned, returned and reopened tickets, FCR,
 * resolution quantiles by Kaplan–Meier (tickets open at the log's end are censored),
 * handle time and work share per team, open tickets of the cohort over time, and what the
 * distances need (activity sequences, cycle times, arrival times).
 */
import { hourOfWeek, LINK, type LogAnalysis, type TicketState } from "../analyze";
import { kaplanMeierQuantiles } from "../sample";
import { addNgrams } from "./distances";
import type { Window } from "./window";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Resolution quantiles kept for the distribution chart. */
export const RESOLUTION_QUANTILES = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

export interface CohortMeasure {
  tickets: number;
  ticketsPerWeek: number;
  /** Tickets per week starting in each hour of the week (168, Monday 00:00 first). */
  perHourOfWeek: number[];
  /** Tickets starting in each 7-day block of the window (the last may be partial: scaled). */
  weekly: number[];
  escalationShare: number;
  reassignedShare: number;
  returnShare: number;
  reopenedShare: number;
  /** Closed tickets resolved in one agent visit and never reopened, of closed tickets; NaN if none. */
  fcrShare: number;
  resolutionP50Seconds: number;
  resolutionP90Seconds: number;
  /** Kaplan–Meier quantiles at RESOLUTION_QUANTILES (seconds; NaN past what the data reach). */
  resolutionQuantiles: number[];
  /** Mean handle time per team (seconds; teams with a finished visit). */
  handleMeanSeconds: Record<string, number>;
  /** Share of all agent work time per team. */
  workShare: Record<string, number>;
  /** Open tickets of the cohort at each hour of the window. */
  openByHour: number[];
  openMean: number;
  /** For the distances: n-gram counts of team sequences, cycle times and arrival hours. */
  ngrams: Map<string, number>;
  cycleHours: number[];
  arrivalHours: number[];
}

/**
 * Measures the tickets of `a` (all of them: the analysis holds one cohort) over `window`.
 * @param tiers each team's tier by name (the train log's), for escalations and returns
 * @param endMs the end of what was seen (the log's last event): open tickets are censored there
 */
export function measureCohort(
  a: LogAnalysis,
  window: Window,
  tiers: ReadonlyMap<string, number>,
  endMs: number,
): CohortMeasure {
  const names = a.teams.list;
  const tierOf = (team: number) => tiers.get(names[team]!) ?? 1;
  const weeks = (window.toMs - window.fromMs) / (7 * DAY_MS);
  const hours = Math.max(1, Math.ceil((window.toMs - window.fromMs) / HOUR_MS));
  const perHourOfWeek = new Float64Array(168);
  const weekly = new Float64Array(Math.max(1, Math.ceil(weeks - 1e-9)));
  const openDelta = new Float64Array(hours + 1);
  const ngrams = new Map<string, number>();
  const cycleHours: number[] = [];
  const arrivalHours: number[] = [];
  const resolution: { seconds: number; censored: boolean }[] = [];
  let worked = 0;
  let escalated = 0;
  let reassigned = 0;
  let returned = 0;
  let reopened = 0;
  let closedWorked = 0;
  let firstContact = 0;
  for (const tk of a.tickets.values()) {
    const since = tk.created - window.fromMs;
    perHourOfWeek[hourOfWeek(tk.created)]!++;
    const w = Math.floor(since / (7 * DAY_MS));
    if (w >= 0 && w < weekly.length) weekly[w]!++;
    arrivalHours.push(since / HOUR_MS);
    // Closed after the end of what is followed: still open there (censored), as on the other side.
    const closed = tk.role === "closed" && Number.isFinite(tk.closedAt) && tk.closedAt <= endMs;
    bookOpen(openDelta, since, closed ? tk.closedAt - window.fromMs : Number.POSITIVE_INFINITY);
    if (closed) cycleHours.push((tk.closedAt - tk.created) / HOUR_MS);
    if (tk.visits.length > 0 || closed) {
      if (closed) resolution.push({ seconds: (tk.closedAt - tk.created) / 1000, censored: false });
      else if (!tk.lost) resolution.push({ seconds: Math.max(0, endMs - tk.created) / 1000, censored: true });
    }
    const sequence = sequenceOf(tk, names);
    if (sequence.length > 0) addNgrams(ngrams, sequence);
    const shape = shapeOf(tk, tierOf);
    if (!shape.worked) continue;
    worked++;
    if (shape.escalated) escalated++;
    if (shape.teams >= 2) reassigned++;
    if (shape.returned) returned++;
    if (shape.reopened) reopened++;
    if (closed && !tk.lost) {
      closedWorked++;
      if (shape.agentVisits === 1 && !shape.reopened) firstContact++;
    }
  }
  // The last week may be partial: scaled to a whole week.
  const lastWeekDays = weeks * 7 - (weekly.length - 1) * 7;
  if (lastWeekDays > 0 && lastWeekDays < 7) weekly[weekly.length - 1]! *= 7 / lastWeekDays;
  const openByHour = cumulate(openDelta, hours);
  const quantiles = kaplanMeierQuantiles(resolution, RESOLUTION_QUANTILES);
  const [p50, p90] = kaplanMeierQuantiles(resolution, [0.5, 0.9]);
  const { handleMeanSeconds, workShare } = teamWork(a);
  return {
    tickets: a.tickets.size,
    ticketsPerWeek: a.tickets.size / weeks,
    perHourOfWeek: Array.from(perHourOfWeek, (n) => n / weeks),
    weekly: Array.from(weekly),
    escalationShare: share(escalated, worked),
    reassignedShare: share(reassigned, worked),
    returnShare: share(returned, worked),
    reopenedShare: share(reopened, worked),
    fcrShare: closedWorked > 0 ? firstContact / closedWorked : Number.NaN,
    resolutionP50Seconds: p50 ?? Number.NaN,
    resolutionP90Seconds: p90 ?? Number.NaN,
    resolutionQuantiles: quantiles,
    handleMeanSeconds,
    workShare,
    openByHour,
    openMean: openByHour.reduce((s, x) => s + x, 0) / openByHour.length,
    ngrams,
    cycleHours,
    arrivalHours,
  };
}

// helpers

interface Shape {
  worked: boolean;
  escalated: boolean;
  returned: boolean;
  reopened: boolean;
  teams: number;
  agentVisits: number;
}

/** What happened to one ticket, with escalation and return judged by the train tiers. */
function shapeOf(tk: TicketState, tierOf: (team: number) => number): Shape {
  const v = tk.visits;
  const teams = new Set<number>();
  let agentVisits = 0;
  let escalated = v.length > 0 && v[0]!.escalated;
  let returned = false;
  let reopened = tk.reopenMarked;
  for (let i = 0; i < v.length; i++) {
    const cur = v[i]!;
    if (!cur.abandoned) {
      teams.add(cur.team);
      agentVisits++;
    }
    if (cur.link === LINK.afterClose) reopened = true;
    if (i === 0) continue;
    const prev = v[i - 1]!;
    if (prev.abandoned || cur.link !== LINK.direct || cur.team === prev.team) continue;
    if (tierOf(cur.team) > tierOf(prev.team)) escalated = true;
    else if (tierOf(cur.team) < tierOf(prev.team)) returned = true;
  }
  return { worked: agentVisits > 0, escalated, returned, reopened, teams: teams.size, agentVisits };
}

/** The teams visited in order (repeats of the same team merged), abandonments named. */
function sequenceOf(tk: TicketState, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of tk.visits) {
    const label = v.abandoned ? `abandoned at ${names[v.team]}` : names[v.team]!;
    if (out[out.length - 1] !== label) out.push(label);
  }
  return out;
}

function teamWork(a: LogAnalysis): { handleMeanSeconds: Record<string, number>; workShare: Record<string, number> } {
  const handleMeanSeconds: Record<string, number> = {};
  const work: Record<string, number> = {};
  let total = 0;
  a.teams.list.forEach((name, i) => {
    const s = a.handle[i];
    if (!s || s.n === 0) return;
    handleMeanSeconds[name] = s.mean;
    work[name] = s.mean * s.n;
    total += s.mean * s.n;
  });
  const workShare = Object.fromEntries(Object.entries(work).map(([k, v]) => [k, total > 0 ? v / total : 0]));
  return { handleMeanSeconds, workShare };
}

/** +1 at the hour the ticket starts, −1 at the hour it closes (both from the window start). */
function bookOpen(delta: Float64Array, fromMs: number, toMs: number): void {
  const hours = delta.length - 1;
  const start = Math.max(0, Math.ceil(fromMs / HOUR_MS));
  const end = Math.min(hours, Math.ceil(toMs / HOUR_MS));
  if (start >= end) return;
  delta[start]!++;
  delta[end]!--;
}

function cumulate(delta: Float64Array, hours: number): number[] {
  const out: number[] = [];
  let open = 0;
  for (let h = 0; h < hours; h++) {
    open += delta[h]!;
    out.push(open);
  }
  return out;
}

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : Number.NaN;
}
