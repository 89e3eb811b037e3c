/**
 * Comparing two runs of a flow, KPI by KPI: each run's mean, the difference, a 95%
 * interval of the difference, and whether the change is both real and large enough to
 * matter to a support manager.
 *
 * Two runs with the same seed and replication count use common random numbers: replication
 * i of both draws the same arrivals, handle times and outcomes from the same streams (as
 * far as the two flows consume them alike). Their per-replication differences are paired,
 * and the paired Student-t interval (mean difference ± t(0.975, n-1) · sd / √n) is
 * narrower than one built from two independent runs, because the noise both runs share
 * cancels. It is still an estimate from n replications, with an interval: a difference
 * is only as sure as that interval. Runs that cannot be paired (other seed or replication
 * count) fall back to Welch's two-sample t interval.
 *
 * A difference is significant when its interval excludes zero AND its size exceeds a
 * practical threshold for the KPI (DEFAULT_MIN_DIFF, in the KPI's own unit): with many
 * replications a paired interval can exclude zero for a change no one would notice
 * (a backlog 0.002 tickets lower), and that is not news.
 */
import { tQuantile975 } from "./estimate";
import { type Better, kpiTable } from "./kpis";
import { type Estimate, KPI_NAMES, type KpiName, type Results } from "./results";

export type { Better } from "./kpis";

/** What a significant change means for the manager; "same" when it is not significant. */
export type Verdict = "better" | "worse" | "changed" | "same";

/** For each KPI, the direction a support manager wants it to move. */
export const KPI_BETTER: Record<KpiName, Better> = kpiTable("better");

/**
 * The smallest difference worth reporting, per KPI, in the KPI's own unit (shares as
 * fractions: 0.005 is half a percentage point; times in seconds; backlogs in tickets; cost
 * in money). Team utilisation uses `utilization`'s.
 */
export const DEFAULT_MIN_DIFF: Record<KpiName, number> = {
  tickets: 1,
  fcr: 0.005,
  deflectionRate: 0.005,
  escalationRate: 0.005,
  abandonRate: 0.005,
  reopenRate: 0.005,
  serviceLevel: 0.005,
  firstResponseSeconds: 1,
  resolutionSeconds: 60,
  backlog: 1,
  backlogPastSla: 1,
  utilization: 0.005,
  csat: 0.005,
  costPerTicket: 0.05,
};

/** Thresholds that replace some of the defaults. */
export type MinDiff = Partial<Record<KpiName, number>>;

/** One figure of two runs side by side. */
export interface Difference {
  /** Mean of the base run. */
  base: number;
  /** Mean of the other run. */
  other: number;
  /** other − base, in the figure's own unit. */
  difference: number;
  /** 95% interval of the difference (paired Student t when `paired`, else Welch). */
  ci95: [number, number];
  /** The interval is paired on common random numbers. */
  paired: boolean;
  /** The interval excludes 0 (never with fewer than two replications). */
  excludesZero: boolean;
  /** Practical threshold the difference had to exceed, in the figure's unit. */
  minDiff: number;
  /** The interval excludes 0 and |difference| exceeds `minDiff`. */
  significant: boolean;
  better: Better;
  verdict: Verdict;
}

export interface KpiDifference extends Difference {
  kpi: KpiName;
}

/** A KPI that only one run of a comparison reports. */
export interface UnmatchedKpi {
  kpi: KpiName;
  /** The run that reports it. */
  reportedBy: "base" | "other";
}

export interface TeamDifference extends Difference {
  team: string;
}

export interface Comparison {
  baseScenario: string | null;
  otherScenario: string | null;
  /** Replications used for each interval. */
  replications: number;
  /** True when the KPI intervals pair replications on common random numbers. */
  paired: boolean;
  /** The practical thresholds applied, per KPI. */
  minDiff: Record<KpiName, number>;
  /** KPIs both runs report (service level is absent without an SLA queue, abandonment without a patience). */
  kpis: KpiDifference[];
  /**
   * KPIs only one of the two runs reports, e.g. abandonment when a scenario adds a patience to
   * a flow where nobody could hang up: not comparable, so never marked better or worse.
   */
  unmatched: UnmatchedKpi[];
  /**
   * Team utilisation: paired when both runs hold per-replication team figures
   * (`teamsPaired`), else Welch intervals from the runs' own intervals, wider than paired.
   */
  teams: TeamDifference[];
  teamsPaired: boolean;
}

/**
 * Compares `other` against `base`. Pairing needs the same seed and replication count
 * (the CLI and the app run every scenario that way); otherwise the intervals are Welch's.
 * `minDiff` overrides some of DEFAULT_MIN_DIFF.
 */
export function compareResults(base: Results, other: Results, minDiff: MinDiff = {}): Comparison {
  const thresholds = { ...DEFAULT_MIN_DIFF, ...definedOnly(minDiff) };
  // A KPI only one run reports (a scenario that adds a patience or an SLA) does not unpair the rest.
  const shared = KPI_NAMES.filter((k) => base.kpis[k] !== undefined && other.kpis[k] !== undefined);
  const paired =
    base.seed === other.seed &&
    base.replications === other.replications &&
    shared.every((k) => base.replicationKpis[k]?.length === other.replicationKpis[k]?.length);
  const kpis: KpiDifference[] = [];
  const unmatched: UnmatchedKpi[] = [];
  for (const kpi of KPI_NAMES) {
    const a: Estimate | undefined = base.kpis[kpi];
    const b: Estimate | undefined = other.kpis[kpi];
    if (a && !b) unmatched.push({ kpi, reportedBy: "base" });
    if (!a && b) unmatched.push({ kpi, reportedBy: "other" });
    if (!a || !b) continue;
    const ra = base.replicationKpis[kpi] ?? [];
    const rb = other.replicationKpis[kpi] ?? [];
    const interval = paired ? pairedInterval(ra, rb) : welchInterval(ra, rb);
    const rule = { paired, minDiff: thresholds[kpi], better: KPI_BETTER[kpi] };
    kpis.push({ kpi, ...describe(meanOf(a), meanOf(b), interval, rule) });
  }
  const teamsPaired =
    paired && base.replicationTeamUtilization !== undefined && other.replicationTeamUtilization !== undefined;
  const teams: TeamDifference[] = [];
  for (const [team, result] of Object.entries(base.teams)) {
    const twin = other.teams[team];
    if (!twin) continue;
    const ra = base.replicationTeamUtilization?.[team];
    const rb = other.replicationTeamUtilization?.[team];
    const interval =
      teamsPaired && ra && rb
        ? pairedInterval(ra, rb)
        : welchFromEstimates(result.utilization, base.replications, twin.utilization, other.replications);
    const rule = { paired: teamsPaired && !!ra && !!rb, minDiff: thresholds.utilization, better: "neutral" as const };
    teams.push({ team, ...describe(result.utilization.mean, twin.utilization.mean, interval, rule) });
  }
  return {
    baseScenario: base.scenario,
    otherScenario: other.scenario,
    replications: Math.min(base.replications, other.replications),
    paired,
    minDiff: thresholds,
    kpis,
    unmatched,
    teams,
    teamsPaired,
  };
}

/**
 * Paired Student-t 95% interval of the mean of (other[i] − base[i]). Pairs where either
 * figure is missing (null in JSON, NaN) are left out. Undefined with no usable pair.
 */
export function pairedInterval(base: readonly number[], other: readonly number[]): Interval | undefined {
  const diffs: number[] = [];
  const n = Math.min(base.length, other.length);
  for (let i = 0; i < n; i++) {
    const a = base[i];
    const b = other[i];
    if (isFiniteNumber(a) && isFiniteNumber(b)) diffs.push(b - a);
  }
  if (diffs.length === 0) return undefined;
  const { mean, variance } = moments(diffs);
  if (diffs.length < 2) return { difference: mean, lo: mean, hi: mean, n: 1 };
  const half = tQuantile975(diffs.length - 1) * Math.sqrt(variance / diffs.length);
  return { difference: mean, lo: mean - half, hi: mean + half, n: diffs.length };
}

/** Welch's two-sample t 95% interval of mean(other) − mean(base) (Welch–Satterthwaite df, rounded down). */
export function welchInterval(base: readonly number[], other: readonly number[]): Interval | undefined {
  const a = base.filter(isFiniteNumber);
  const b = other.filter(isFiniteNumber);
  if (a.length === 0 || b.length === 0) return undefined;
  const ma = moments(a);
  const mb = moments(b);
  return welch(mb.mean - ma.mean, ma.variance / a.length, a.length, mb.variance / b.length, b.length);
}

/** An interval of a difference and the number of replications behind it. */
export interface Interval {
  difference: number;
  lo: number;
  hi: number;
  n: number;
}

// helpers

interface Rule {
  paired: boolean;
  minDiff: number;
  better: Better;
}

function describe(base: number, other: number, interval: Interval | undefined, rule: Rule): Difference {
  const difference = interval?.difference ?? other - base;
  const ci95: [number, number] = interval ? [interval.lo, interval.hi] : [Number.NaN, Number.NaN];
  const excludesZero = interval !== undefined && interval.n >= 2 && (interval.lo > 0 || interval.hi < 0);
  const significant = excludesZero && Math.abs(difference) > rule.minDiff;
  return {
    base,
    other,
    difference,
    ci95,
    paired: rule.paired,
    excludesZero,
    minDiff: rule.minDiff,
    significant,
    better: rule.better,
    verdict: verdictOf(difference, significant, rule.better),
  };
}

function verdictOf(difference: number, significant: boolean, better: Better): Verdict {
  if (!significant) return "same";
  if (better === "neutral") return "changed";
  return difference > 0 === (better === "higher") ? "better" : "worse";
}

/** The entries of `minDiff` that hold a usable threshold (a finite number, 0 or more). */
function definedOnly(minDiff: MinDiff): MinDiff {
  const out: MinDiff = {};
  for (const kpi of KPI_NAMES) {
    const value = minDiff[kpi];
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) out[kpi] = value;
  }
  return out;
}

function meanOf(estimate: Estimate | undefined): number {
  const mean = estimate?.mean;
  return isFiniteNumber(mean) ? mean : Number.NaN;
}

/** Recovers each run's squared standard error from its t interval, then applies Welch. */
function welchFromEstimates(a: Estimate, na: number, b: Estimate, nb: number): Interval | undefined {
  if (!isFiniteNumber(a.mean) || !isFiniteNumber(b.mean)) return undefined;
  if (na < 2 || nb < 2) return { difference: b.mean - a.mean, lo: b.mean - a.mean, hi: b.mean - a.mean, n: 1 };
  const seA = (a.ci95[1] - a.ci95[0]) / 2 / tQuantile975(na - 1);
  const seB = (b.ci95[1] - b.ci95[0]) / 2 / tQuantile975(nb - 1);
  return welch(b.mean - a.mean, seA * seA, na, seB * seB, nb);
}

/** Welch interval from the squared standard errors of the two means. */
function welch(difference: number, seA2: number, na: number, seB2: number, nb: number): Interval {
  const n = Math.min(na, nb);
  if (na < 2 || nb < 2) return { difference, lo: difference, hi: difference, n: 1 };
  const se2 = seA2 + seB2;
  if (!(se2 > 0)) return { difference, lo: difference, hi: difference, n };
  const df = (se2 * se2) / ((seA2 * seA2) / (na - 1) + (seB2 * seB2) / (nb - 1));
  // Whole degrees of freedom, rounded down: the interval errs on the wide side.
  const half = tQuantile975(Math.max(1, Math.floor(df))) * Math.sqrt(se2);
  return { difference, lo: difference - half, hi: difference + half, n };
}

function moments(values: readonly number[]): { mean: number; variance: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) * (v - mean);
  return { mean, variance: values.length > 1 ? squares / (values.length - 1) : 0 };
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
