/**
 * One channel's queue fitted to its typical week: handle time from AHT (offered-weighted),
 * agents per interval inferred from ASA and service level, and the mean patience that makes
 * Erlang A (M/M/c+M) reproduce the report's abandon share at those agents.
 *
 * Agents and patience depend on each other (more patient callers wait longer, so the same
 * ASA needs more agents), so they are fitted together: for each patience tried, the agents
 * per interval are inferred at that patience, and the patience is the one at which those
 * agents give the report's abandon share.
 */
import { erlangA, erlangAServiceLevel, type MmcmQueue } from "../../sim/erlang";
import type { CellSums } from "./weekProfile";

/** Handle time assumed when the report has no AHT, seconds. */
export const DEFAULT_AHT_SECONDS = 300;
/** Service level assumed for the agents when the report gives neither ASA nor service level. */
export const ASSUMED_SERVICE_LEVEL = 0.8;
/** Patience searched, seconds: beyond 4 hours callers are as good as never hanging up. */
const PATIENCE_RANGE = [1, 4 * 3600] as const;
/** Bisection steps on log patience: the bracket's ratio 14,400 shrinks below 0.2%. */
const PATIENCE_STEPS = 14;

export interface QueueFit {
  /** Contacts offered per interval of the week (a typical week). */
  offered: number[];
  ahtSeconds: number;
  /** Mean patience, seconds; undefined when nobody abandons or the report has no abandonment. */
  patienceSeconds: number | undefined;
  /** How the agents were found: from the report's ASA and/or service level, or assumed. */
  agentsBasis: "ASA" | "service level" | "ASA and service level" | "assumed";
  /** Agents per interval of the week (0 where nothing is offered). */
  agents: number[];
  /** The report's abandon share over the typical week (undefined without abandonment figures). */
  abandonShare: number | undefined;
}

export interface FitInput {
  sums: CellSums;
  /** Days that count per weekday, Monday first. */
  daysPerWeekday: number[];
  intervalMinutes: number;
  slaSeconds: number;
  hasAbandonment: boolean;
}

/** Fits handle time, patience and agents per interval of one channel. */
export function fitQueue(input: FitInput): QueueFit {
  const { sums, intervalMinutes, slaSeconds } = input;
  const cells = sums.offered.length;
  const perDay = cells / 7;
  const days = (k: number) => input.daysPerWeekday[Math.floor(k / perDay)] ?? 0;
  const offered = Array.from(sums.offered, (n, k) => (days(k) > 0 ? n / days(k) : 0));
  const ahtSeconds = ratio(sums.ahtSum, sums.ahtWeight) ?? DEFAULT_AHT_SECONDS;
  const cellAht = (k: number) => (sums.ahtWeight[k]! > 0 ? sums.ahtSum[k]! / sums.ahtWeight[k]! : ahtSeconds);
  const hasAsa = sums.asaWeight.some((w) => w > 0);
  const hasSl = sums.slWeight.some((w) => w > 0);
  const agentsBasis = hasAsa && hasSl ? "ASA and service level" : hasAsa ? "ASA" : hasSl ? "service level" : "assumed";
  const totalOffered = sum(sums.offered);
  const abandonShare = input.hasAbandonment && totalOffered > 0 ? sum(sums.abandoned) / totalOffered : undefined;
  const seconds = intervalMinutes * 60;
  const queueAt = (k: number, agents: number, patience: number | undefined): MmcmQueue => ({
    arrivalRate: offered[k]! / seconds,
    serviceRate: 1 / Math.max(1e-6, cellAht(k)),
    servers: Math.max(1, agents),
    abandonRate: patience ? 1 / patience : 0,
  });
  const observed = (k: number) => ({
    asa: sums.asaWeight[k]! > 0 ? sums.asaSum[k]! / sums.asaWeight[k]! : undefined,
    sl: sums.slWeight[k]! > 0 ? sums.slSum[k]! / sums.slWeight[k]! : undefined,
  });
  const inferAll = (patience: number | undefined) =>
    offered.map((n, k) => (n > 0 ? inferAgents((c) => queueAt(k, c, patience), observed(k), slaSeconds) : 0));

  if (abandonShare === undefined || abandonShare <= 0)
    return { offered, ahtSeconds, patienceSeconds: undefined, agentsBasis, agents: inferAll(undefined), abandonShare };
  const patience = fitPatience(abandonShare, offered, (p) => {
    const agents = inferAll(p);
    return (k) => queueAt(k, agents[k]!, p);
  });
  const agents = inferAll(patience);
  return { offered, ahtSeconds, patienceSeconds: patience, agentsBasis, agents, abandonShare };
}

/**
 * The agents whose Erlang A figures are closest to the report's ASA and service level (the
 * fewest among equals): robust to figures rounded in the report, where "the fewest that
 * meet" would add an agent whenever the rounding went down. With neither figure, the
 * fewest agents answering ASSUMED_SERVICE_LEVEL within the SLA.
 */
export function inferAgents(
  queueOf: (agents: number) => MmcmQueue,
  observed: { asa?: number | undefined; sl?: number | undefined },
  slaSeconds: number,
): number {
  const asa = (c: number) => safe(() => erlangA(queueOf(c)).meanWaitServed, Number.POSITIVE_INFINITY);
  const sl = (c: number) => safe(() => erlangAServiceLevel(queueOf(c), slaSeconds), 0);
  const load = queueOf(1).arrivalRate / queueOf(1).serviceRate;
  const most = Math.ceil(load + 10 * Math.sqrt(load) + 20);
  if (observed.asa === undefined && observed.sl === undefined)
    return fewest(most, (c) => sl(c) >= ASSUMED_SERVICE_LEVEL);
  const candidates = new Set<number>();
  const score = (c: number) =>
    (observed.asa === undefined ? 0 : Math.abs(Math.log((asa(c) + 1) / (observed.asa + 1)))) +
    (observed.sl === undefined ? 0 : Math.abs(Math.log((1 - sl(c) + 0.01) / (1 - observed.sl + 0.01))));
  if (observed.asa !== undefined) {
    const c = fewest(most, (n) => asa(n) <= observed.asa!);
    candidates.add(c).add(Math.max(1, c - 1));
  }
  if (observed.sl !== undefined) {
    const c = fewest(most, (n) => sl(n) >= observed.sl!);
    candidates.add(c).add(Math.max(1, c - 1));
  }
  let best = most;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const c of [...candidates].sort((a, b) => a - b)) {
    const s = score(c);
    if (s < bestScore - 1e-12) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

/**
 * The mean patience (seconds) at which Erlang A's abandon share over the week, weighted by
 * contacts offered, equals `share`: bisection on log patience, the share falling as patience
 * grows. `queuesAt(patience)` gives each interval's queue at that patience (its agents may
 * depend on it). Clamped to 1 s .. 4 h.
 */
export function fitPatience(
  share: number,
  offered: readonly number[],
  queuesAt: (patience: number) => (k: number) => MmcmQueue,
): number {
  const total = sum(offered);
  const predicted = (patience: number) => {
    const queueAt = queuesAt(patience);
    let abandoned = 0;
    offered.forEach((n, k) => {
      if (n > 0) abandoned += n * safe(() => erlangA(queueAt(k)).pAbandon, 1);
    });
    return abandoned / total;
  };
  let lo = Math.log(PATIENCE_RANGE[0]);
  let hi = Math.log(PATIENCE_RANGE[1]);
  for (let i = 0; i < PATIENCE_STEPS; i++) {
    const mid = (lo + hi) / 2;
    if (predicted(Math.exp(mid)) > share) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

// helpers

/** The fewest agents in 1..most meeting a check that, once met, stays met (binary search); `most` when none does. */
function fewest(most: number, meets: (agents: number) => boolean): number {
  let lo = 1;
  let hi = most;
  if (!meets(hi)) return most;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (meets(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function safe(f: () => number, fallback: number): number {
  try {
    const v = f();
    return Number.isFinite(v) ? v : fallback;
  } catch {
    return fallback;
  }
}

function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s;
}

function ratio(numerator: Float64Array, weight: Float64Array): number | undefined {
  const w = sum(weight);
  return w > 0 ? sum(numerator) / w : undefined;
}
