/**
 * The backtest itself: the flow fitted on the train cohort is run over the test period
 * (same dates, so the same weekdays and hours; after a warm-up so agents start as busy as
 * they would be; arrivals stop at the test period's end and the run goes on to the log's
 * last event, so tickets still open there are censored as in the log). Each replication's
 * trace is read like the log and measured like the test cohort; the figures get a
 * prediction interval over replications and a naive baseline (the train cohort's own
 * figures, "same as last period"), and the distances are averaged over replications.
 * No Node or DOM APIs: the CLI and the browser worker both run it.
 */
import type { EventSink } from "../../io/eventlog/writer";
import type { Model } from "../../model/schema";
import { tQuantile975 } from "../../sim/estimate";
import { teamIds } from "../names";
import { TraceAnalysis } from "../simulated";
import { Backlog, backlogSink } from "./backlog";
import { type CohortMeasure, measureCohort, RESOLUTION_QUANTILES } from "./cohort";
import { binnedEmdHours, circadianEmd, ngramDistance } from "./distances";
import type { SplitAnalysis } from "./split";
import { formatWindow, type Window } from "./window";

export const BACKTEST_FORMAT = "flowcast-backtest/v1";
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/**
 * Warm-up before the test period: queues and agents as busy as they would be, and tickets
 * opened before the period still open in it, as in the log. As long as the train period
 * (tickets live as long in the flow as in the log it was fitted on), at least this many days
 * and at most MAX_WARMUP_DAYS.
 */
export const WARMUP_DAYS = 7;
export const MAX_WARMUP_DAYS = 90;
/**
 * Tickets are followed to the log's end, but at most this long after the test period: both
 * sides are censored there (a log running on for months would otherwise cost a simulation
 * of months for a few late closings).
 */
export const MAX_FOLLOW_DAYS = 90;

/** The simulator entry points a backtest needs (passed in: calibrate does not import the engine). */
export interface BacktestSimulator<R> {
  prepareRun(
    model: Model,
    options: { replications: number; seed: number },
  ): { ok: true; model: Model } | { ok: false; diagnostics: { message: string }[] };
  runReplication(
    model: Model,
    seed: number,
    replication: number,
    horizonSeconds: number | undefined,
    trace: EventSink,
  ): R;
}

/** The flow fitted on the train period does not run (the CLI exits 1). */
export class FittedFlowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FittedFlowError";
  }
}

export interface Interval {
  mean: number | null;
  low: number | null;
  high: number | null;
}

export interface Figure {
  id: string;
  label: string;
  unit: "tickets" | "share" | "seconds";
  actual: number | null;
  predicted: Interval;
  baseline: number | null;
  /** The prediction is nearer the actual than the baseline (null: not comparable, or a tie). */
  beatsBaseline: boolean | null;
}

export interface Distance {
  label: string;
  unit: "share" | "hours";
  /** Mean over replications. */
  predicted: number | null;
  replications: (number | null)[];
  /** The train cohort against the test cohort ("same as last period"). */
  baseline: number | null;
}

export interface Series {
  actual: number[];
  predicted: number[];
  baseline: number[] | null;
}

export interface BacktestReport {
  format: typeof BACKTEST_FORMAT;
  source: string;
  train: { from: string; to: string; tickets: number };
  test: { from: string; to: string; tickets: number };
  settings: { replications: number; seed: number; warmupDays: number; censoredAt: string };
  /** How the train period was fitted. */
  fit?: FitBasis;
  figures: Figure[];
  distances: Record<"ngram" | "cycleTime" | "arrivalTime" | "circadianArrival", Distance>;
  summary: { compared: number; beatsBaseline: number };
  series: {
    weeklyTickets: Series;
    ticketsPerHourOfWeek: Series;
    /** Open tickets of the cohort, mean per day of the test period. */
    openByDay: Series;
    resolutionQuantiles: Series & { quantiles: number[] };
  };
  /** Ticket starts per week over the whole log (for picking the split). */
  logWeeks: { weekStart: string; tickets: number }[];
  notes: string[];
}

export interface BacktestOptions {
  source: string;
  train: Window;
  test: Window;
  replications: number;
  seed: number;
  /** Called after each replication. */
  onProgress?: (done: number, total: number) => void;
  /** How the train period was fitted (said in the report). */
  fit?: FitBasis;
}

/** How the log was read for the fit: a snapshot log is modelled on the work-in-progress basis. */
export interface FitBasis {
  /** "snapshot": no event marks the end of work; "lifecycle": work starts and ends are logged. */
  log: "snapshot" | "lifecycle";
  /** What each team's agents were estimated from, in words. */
  agentsBasis: string;
  /** The part of the train period fitted on (all of it unless it drifts) and its tickets. */
  span: { from: string; to: string; tickets: number };
  /** Why the span is shorter than the train period (see drift.ts). */
  drift?: { earlierMedianSeconds: number; recentMedianSeconds: number };
  notes: string[];
}

/** Where both sides stop being followed: the log's end, at most MAX_FOLLOW_DAYS after the test period. */
export function followEndMs(split: SplitAnalysis, test: Window): number {
  return Math.min(split.span.lastEventMs, test.toMs + MAX_FOLLOW_DAYS * DAY_MS);
}

/**
 * Runs the backtest. `split` is the finished read of the log; `fitted` the flow calibrated
 * from its train side (parsed); `tiers` the fitted teams' tiers by index in `fitTeams` (the
 * team names of the analysis the flow was fitted on; default the train side's).
 * Throws FittedFlowError when the flow cannot run (the messages of `prepareRun`).
 */
export function runBacktest<R>(
  split: SplitAnalysis,
  fitted: Model,
  tiers: readonly number[],
  sim: BacktestSimulator<R>,
  options: BacktestOptions,
  fitTeams: readonly string[] = split.teams.list,
): BacktestReport {
  const { train, test } = options;
  const tierByName = new Map(fitTeams.map((n, i) => [n, tiers[i] ?? 1]));
  const endMs = followEndMs(split, test);
  const actual = measureCohort(split.test, test, tierByName, endMs);
  const baseline = measureCohort(split, train, tierByName, endMs);
  // Open tickets: every ticket open then, the earlier ones still open included.
  const actualBacklog = split.earlierBacklog.test ?? new Backlog(test);
  actualBacklog.addAnalysis(split, endMs);
  actualBacklog.addAnalysis(split.test, endMs);
  setBacklog(actual, actualBacklog.byHour());
  const trainBacklog = split.earlierBacklog.train ?? new Backlog(train);
  trainBacklog.addAnalysis(split, endMs);
  // "Same as last period": the train period's last stretch as long as the test period.
  setBacklog(baseline, trainBacklog.byHour().slice(-Math.ceil((test.toMs - test.fromMs) / HOUR_MS)));
  const warmupDays = warmupDaysFor(train);
  const model = testPeriodModel(fitted, test, endMs, warmupDays);
  const prepared = sim.prepareRun(model, { replications: options.replications, seed: options.seed });
  if (!prepared.ok) throw new FittedFlowError(prepared.diagnostics.map((d) => d.message).join("\n"));
  const ids = teamIds(fitTeams);
  const names = new Map(ids.map((id, i) => [id, fitTeams[i]!]));
  const reps: CohortMeasure[] = [];
  const distances = {
    ngram: [] as number[],
    cycleTime: [] as number[],
    arrivalTime: [] as number[],
    circadian: [] as number[],
  };
  for (let r = 0; r < options.replications; r++) {
    const traced = new TraceAnalysis(names, prepared.model.clock.start, prepared.model.clock.warmup);
    const backlog = new Backlog(test);
    const sink = backlogSink(traced.sinkFor(r), backlog, Date.parse(`${prepared.model.clock.start}Z`));
    sim.runReplication(prepared.model, options.seed, r, undefined, sink);
    sink.finish();
    traced.analysis.finish(endMs);
    const m = measureCohort(traced.analysis, test, tierByName, endMs);
    setBacklog(m, backlog.byHour());
    distances.ngram.push(ngramDistance(actual.ngrams, m.ngrams));
    distances.cycleTime.push(binnedEmdHours(actual.cycleHours, m.cycleHours));
    distances.arrivalTime.push(binnedEmdHours(actual.arrivalHours, m.arrivalHours));
    distances.circadian.push(circadianEmd(actual.perHourOfWeek, m.perHourOfWeek));
    // Only the figures are kept: a replication's tickets go with its analysis.
    reps.push({ ...m, ngrams: new Map(), cycleHours: [], arrivalHours: [] });
    options.onProgress?.(r + 1, options.replications);
  }
  const figures = buildFigures(actual, baseline, reps);
  const compared = figures.filter((f) => f.beatsBaseline !== null);
  const testHours = (test.toMs - test.fromMs) / HOUR_MS;
  const lastPeriod = baseline.arrivalHours
    .map((h) => h - ((train.toMs - train.fromMs) / HOUR_MS - testHours))
    .filter((h) => h >= 0);
  return {
    format: BACKTEST_FORMAT,
    source: options.source,
    train: { from: isoMinute(train.fromMs), to: isoMinute(train.toMs), tickets: split.tickets.size },
    test: { from: isoMinute(test.fromMs), to: isoMinute(test.toMs), tickets: split.test.tickets.size },
    settings: {
      replications: options.replications,
      seed: options.seed,
      warmupDays,
      censoredAt: isoMinute(endMs),
    },
    ...(options.fit ? { fit: options.fit } : {}),
    figures,
    distances: {
      ngram: distance(
        "Control flow: 3-gram distance of team sequences",
        "share",
        distances.ngram,
        ngramDistance(actual.ngrams, baseline.ngrams),
      ),
      cycleTime: distance(
        "EMD of cycle times (creation to closing)",
        "hours",
        distances.cycleTime,
        binnedEmdHours(actual.cycleHours, baseline.cycleHours),
      ),
      arrivalTime: distance(
        "EMD of arrival times (hours into the period)",
        "hours",
        distances.arrivalTime,
        train.toMs - train.fromMs >= test.toMs - test.fromMs
          ? binnedEmdHours(actual.arrivalHours, lastPeriod)
          : Number.NaN,
      ),
      circadianArrival: distance(
        "EMD of circadian arrival times (hour of day, per weekday)",
        "hours",
        distances.circadian,
        circadianEmd(actual.perHourOfWeek, baseline.perHourOfWeek),
      ),
    },
    summary: { compared: compared.length, beatsBaseline: compared.filter((f) => f.beatsBaseline).length },
    series: {
      weeklyTickets: {
        actual: actual.weekly,
        predicted: meanSeries(reps.map((m) => m.weekly)),
        baseline: actual.weekly.map(() => baseline.ticketsPerWeek),
      },
      ticketsPerHourOfWeek: {
        actual: actual.perHourOfWeek,
        predicted: meanSeries(reps.map((m) => m.perHourOfWeek)),
        baseline: baseline.perHourOfWeek,
      },
      openByDay: {
        actual: byDay(actual.openByHour),
        predicted: byDay(meanSeries(reps.map((m) => m.openByHour))),
        baseline: byDay(baseline.openByHour),
      },
      resolutionQuantiles: {
        quantiles: RESOLUTION_QUANTILES,
        actual: actual.resolutionQuantiles,
        predicted: meanSeries(reps.map((m) => m.resolutionQuantiles)),
        baseline: baseline.resolutionQuantiles,
      },
    },
    logWeeks: split
      .weeklyStarts()
      .map((w) => ({ weekStart: isoMinute(w.weekStartMs).slice(0, 10), tickets: w.tickets })),
    notes: [
      `Fitted on the ${split.tickets.size} tickets starting in ${formatWindow(train)}; compared with the ${split.test.tickets.size} starting in ${formatWindow(test)}.`,
      `Each ticket is followed to ${isoMinute(endMs)} (the log's end, or ${MAX_FOLLOW_DAYS} days after the test period); tickets still open there are censored (Kaplan–Meier for resolution times).`,
      `Predicted: mean of ${options.replications} replications (seed ${options.seed}), low–high a 95% prediction interval for one period (Student t over replications). Baseline: the train period's own figure.`,
      `Open tickets count every ticket open at each hour, those opened before the period included; the simulation starts ${warmupDays} days before the test period so that its older tickets are there too. The baseline is the train period's last ${Math.round((test.toMs - test.fromMs) / DAY_MS)} days.`,
      ...(options.fit?.notes ?? []),
    ],
  };
}

/** The fitted flow set over the test period: same dates, warm-up before, arrivals stop at its end. */
export function testPeriodModel(fitted: Model, test: Window, endMs: number, warmupDays = WARMUP_DAYS): Model {
  const warmup = warmupDays * 86400;
  const startMs = test.fromMs - warmup * 1000;
  const horizon = warmup + Math.ceil((Math.max(endMs, test.toMs) - test.fromMs) / 1000);
  const stop = { from: wallText(test.toMs), to: wallText(Math.max(endMs, test.toMs) + DAY_MS), factor: 0 };
  return {
    ...fitted,
    clock: { ...fitted.clock, start: wallText(startMs), horizon, warmup },
    nodes: fitted.nodes.map((n) =>
      n.kind === "channel" ? { ...n, arrivals: { ...n.arrivals, surges: [...(n.arrivals.surges ?? []), stop] } } : n,
    ),
    scenarios: [],
  };
}

/** Days simulated before the test period: the train period's length, within 7..90 days. */
export function warmupDaysFor(train: Window): number {
  return Math.min(MAX_WARMUP_DAYS, Math.max(WARMUP_DAYS, Math.ceil((train.toMs - train.fromMs) / DAY_MS)));
}

// helpers

function setBacklog(m: CohortMeasure, openByHour: number[]): void {
  m.openByHour = openByHour;
  m.openMean = openByHour.length > 0 ? openByHour.reduce((s, x) => s + x, 0) / openByHour.length : Number.NaN;
}

const SHARES: [keyof CohortMeasure, string][] = [
  ["escalationShare", "Escalated (moved to a higher tier)"],
  ["reassignedShare", "Reassigned (touched 2+ teams)"],
  ["returnShare", "Returned to a lower tier"],
  ["reopenedShare", "Reopened after closure"],
  ["fcrShare", "First-contact resolution"],
];

function buildFigures(actual: CohortMeasure, baseline: CohortMeasure, reps: CohortMeasure[]): Figure[] {
  const out: Figure[] = [];
  const add = (id: string, label: string, unit: Figure["unit"], get: (m: CohortMeasure) => number | undefined) =>
    out.push(figure(id, label, unit, get(actual), reps.map(get), get(baseline)));
  add("ticketsPerWeek", "Tickets per week", "tickets", (m) => m.ticketsPerWeek);
  add("ticketsPerHourOfWeek", "Tickets per hour of the week (busiest hour)", "tickets", (m) =>
    m.perHourOfWeek.length > 0 ? Math.max(...m.perHourOfWeek) : undefined,
  );
  for (const [id, label] of SHARES) add(id, label, "share", (m) => m[id] as number);
  add("resolutionP50Seconds", "Resolution time p50", "seconds", (m) => m.resolutionP50Seconds);
  add("resolutionP90Seconds", "Resolution time p90", "seconds", (m) => m.resolutionP90Seconds);
  add("openMean", "Open tickets (mean)", "tickets", (m) => m.openMean);
  const teams = [...new Set([...Object.keys(actual.handleMeanSeconds), ...Object.keys(baseline.handleMeanSeconds)])];
  for (const t of teams)
    add(`handleMeanSeconds:${t}`, `Handle time, ${t} (mean)`, "seconds", (m) => m.handleMeanSeconds[t]);
  for (const t of teams) add(`workShare:${t}`, `Work share, ${t}`, "share", (m) => m.workShare[t] ?? 0);
  return out;
}

function figure(
  id: string,
  label: string,
  unit: Figure["unit"],
  actual: number | undefined,
  values: (number | undefined)[],
  baseline: number | undefined,
): Figure {
  // Every figure is a count, a duration or a share: the range stays within what it can be.
  const raw = interval(values);
  const clamp = (x: number | null) => (x === null ? null : Math.min(unit === "share" ? 1 : Infinity, Math.max(0, x)));
  const predicted = { mean: raw.mean, low: clamp(raw.low), high: clamp(raw.high) };
  const a = finite(actual);
  const b = finite(baseline);
  // A tie (both equally near, e.g. both 0) says nothing either way.
  const beats =
    a === null || b === null || predicted.mean === null || Math.abs(predicted.mean - a) === Math.abs(b - a)
      ? null
      : Math.abs(predicted.mean - a) < Math.abs(b - a);
  return { id, label, unit, actual: a, predicted, baseline: b, beatsBaseline: beats };
}

/** Mean and a 95% prediction interval for one more period: mean ± t·sd·√(1 + 1/n). */
export function interval(values: readonly (number | undefined)[]): Interval {
  const xs = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (xs.length === 0) return { mean: null, low: null, high: null };
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  if (xs.length === 1) return { mean, low: mean, high: mean };
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1));
  const half = tQuantile975(xs.length - 1) * sd * Math.sqrt(1 + 1 / xs.length);
  return { mean, low: mean - half, high: mean + half };
}

function distance(label: string, unit: Distance["unit"], values: number[], baseline: number): Distance {
  const finiteValues = values.filter(Number.isFinite);
  return {
    label,
    unit,
    predicted: finiteValues.length > 0 ? finiteValues.reduce((s, x) => s + x, 0) / finiteValues.length : null,
    replications: values.map(finite),
    baseline: finite(baseline),
  };
}

function meanSeries(series: number[][]): number[] {
  const length = Math.max(0, ...series.map((s) => s.length));
  return Array.from({ length }, (_, i) => {
    const xs = series.map((s) => s[i]).filter((x): x is number => x !== undefined && Number.isFinite(x));
    return xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.NaN;
  });
}

function byDay(hourly: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < hourly.length; i += 24) {
    const day = hourly.slice(i, i + 24);
    out.push(day.reduce((s, x) => s + x, 0) / day.length);
  }
  return out;
}

function finite(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? x : null;
}

export function isoMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

function wallText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}
