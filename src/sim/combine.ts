/**
 * Combines replications into the `flowcast-results/v1` document: each figure's mean with a
 * Student-t 95% interval (estimate.ts), series and histograms averaged point by point, and
 * the per-replication KPIs kept for paired comparison. Replications are taken in the order
 * given (replication order), so the same replications always give the same bytes.
 */
import type { Model } from "../model";
import { estimate } from "./estimate";
import { histogramEdges } from "./histogram";
import { offeredLoadWarnings } from "./load";
import type { ReplicationResult } from "./replication";
import {
  type Estimate,
  type IntervalResults,
  KPI_NAMES,
  type KpiName,
  type Kpis,
  type NodeResults,
  type Results,
  type TeamResults,
  type Warning,
} from "./results";
import { backlogTrendWarning, unfinishedWarning } from "./runWarnings";

/** The results document of a run (see simulate.ts `combineReplications`). */
export function combineReplications(
  model: Model,
  meta: { scenario: string | null; seed: number; horizonSeconds?: number; wallSeconds: number },
  reps: ReplicationResult[],
): Results {
  const horizon = meta.horizonSeconds ?? model.clock.horizon;
  const warmup = Math.min(model.clock.warmup, horizon);
  const over = (get: (r: ReplicationResult) => number): Estimate => estimate(reps.map(get));
  // a service level needs a queue with an answer target
  const hasSla = model.nodes.some((n) => n.kind === "work" && n.queue.slaSeconds !== undefined);
  // an abandon rate needs a queue where callers may hang up (0 of 0 is not "nobody hangs up")
  const hasPatience = model.nodes.some((n) => n.kind === "work" && n.queue.patience !== undefined);
  const reported = KPI_NAMES.filter((k) => (hasSla || k !== "serviceLevel") && (hasPatience || k !== "abandonRate"));
  const replicationKpis: Partial<Record<KpiName, number[]>> = Object.fromEntries(
    reported.map((k) => [k, reps.map((r) => r.kpis[k])]),
  );
  const kpi = (k: KpiName) => over((r) => r.kpis[k]);
  const nodes: Record<string, NodeResults> = {};
  model.nodes.forEach((node, i) => {
    const result: NodeResults = { kind: node.kind, entered: over((r) => r.nodes.entered[i]!) };
    if (node.kind === "work") {
      result.served = over((r) => r.nodes.served[i]!);
      result.abandoned = over((r) => r.nodes.abandoned[i]!);
      if (node.queue.shortAbandonSeconds !== undefined) result.shortAbandoned = over((r) => r.nodes.shortAbandoned[i]!);
      result.waitMean = over((r) => r.nodes.waitMean[i]!);
      result.pWait = over((r) => r.nodes.pWait[i]!);
      if (node.queue.slaSeconds !== undefined) result.serviceLevel = over((r) => r.nodes.serviceLevel[i]!);
      result.queueMean = over((r) => r.nodes.queueMean[i]!);
      result.inServiceMean = over((r) => r.nodes.inServiceMean[i]!);
      result.queueTimeMean = over((r) => r.nodes.queueTimeMean[i]!);
      if (node.queue.overflow) result.overflowed = over((r) => r.nodes.overflowed[i]!);
    }
    nodes[node.id] = result;
  });
  const teams: Record<string, TeamResults> = {};
  model.teams.forEach((team, t) => {
    teams[team.id] = {
      utilization: over((r) => r.teams.utilization[t]!),
      staffedHours: over((r) => r.teams.staffedHours[t]!),
      busyHours: over((r) => r.teams.busyHours[t]!),
      cost: over((r) => r.teams.cost[t]!),
    };
  });
  const edges: Record<string, Estimate> = {};
  model.edges.forEach((edge, e) => {
    edges[edge.id] = over((r) => r.edges[e]!);
  });
  const queue: Record<string, number[]> = {};
  model.nodes.forEach((node, i) => {
    if (node.kind === "work") queue[node.id] = meanSeries(reps.map((r) => r.series.queue[i]!));
  });
  const staffed: Record<string, number[]> = {};
  const utilization: Record<string, number[]> = {};
  model.teams.forEach((team, t) => {
    staffed[team.id] = meanSeries(reps.map((r) => r.series.staffed[t]!));
    utilization[team.id] = meanSeries(reps.map((r) => r.series.utilization[t]!));
  });
  const kpis: Kpis = {
    tickets: kpi("tickets"),
    fcr: kpi("fcr"),
    deflectionRate: kpi("deflectionRate"),
    escalationRate: kpi("escalationRate"),
    ...(hasPatience ? { abandonRate: kpi("abandonRate") } : {}),
    reopenRate: kpi("reopenRate"),
    ...(hasSla ? { serviceLevel: kpi("serviceLevel") } : {}),
    firstResponseSeconds: {
      ...kpi("firstResponseSeconds"),
      p50: over((r) => r.percentiles.firstResponseP50),
      p90: over((r) => r.percentiles.firstResponseP90),
    },
    resolutionSeconds: {
      ...kpi("resolutionSeconds"),
      p50: over((r) => r.percentiles.resolutionP50),
      p90: over((r) => r.percentiles.resolutionP90),
    },
    backlog: kpi("backlog"),
    backlogPastSla: kpi("backlogPastSla"),
    utilization: kpi("utilization"),
    csat: kpi("csat"),
    costPerTicket: kpi("costPerTicket"),
  };
  const unfinished = over((r) => r.unfinished);
  const backlog = meanSeries(reps.map((r) => r.series.backlog));
  const warnings: Warning[] = [
    ...offeredLoadWarnings(model),
    ...present(backlogTrendWarning(backlog, model.clock.seriesInterval)),
    ...present(unfinishedWarning(unfinished.mean, kpis.tickets.mean, horizon)),
  ];
  const serviceLevel = meanSeries(reps.map((r) => r.series.serviceLevel)).map((v) => (Number.isNaN(v) ? null : v));
  return {
    format: "flowcast-results/v1",
    model: model.name,
    scenario: meta.scenario,
    seed: meta.seed,
    replications: reps.length,
    horizonSeconds: horizon,
    warmupSeconds: warmup,
    events: reps.reduce((sum, r) => sum + r.events, 0),
    wallSeconds: meta.wallSeconds,
    kpis,
    nodes,
    teams,
    edges,
    series: {
      intervalSeconds: model.clock.seriesInterval,
      startSeconds: warmup,
      backlog,
      backlogPastSla: meanSeries(reps.map((r) => r.series.backlogPastSla)),
      arrivals: meanSeries(reps.map((r) => r.series.arrivals)),
      queue,
      staffed,
      utilization,
      serviceLevel,
    },
    histograms: {
      resolutionSeconds: meanHistogram(reps.map((r) => r.histograms.resolutionSeconds)),
      firstResponseSeconds: meanHistogram(reps.map((r) => r.histograms.firstResponseSeconds)),
    },
    unfinished,
    warnings,
    replicationKpis,
    replicationTeamUtilization: Object.fromEntries(
      model.teams.map((team, t) => [team.id, reps.map((r) => r.teams.utilization[t]!)]),
    ),
    ticketFlow: {
      created: over((r) => r.flow.created),
      closed: over((r) => r.flow.closed),
      lost: over((r) => r.flow.lost),
      open: over((r) => r.flow.open),
    },
    ...(reps[0]?.intervals ? { intervals: combineIntervals(model, reps) } : {}),
  };
}

/** Per-interval figures pooled over replications (see IntervalResults). */
export function combineIntervals(model: Model, reps: ReplicationResult[]): IntervalResults {
  const first = reps[0]!.intervals!;
  const cells = first.measured.length;
  const sum = (get: (r: NonNullable<ReplicationResult["intervals"]>) => Float64Array | undefined) => {
    const out = new Float64Array(cells);
    for (const r of reps) {
      const a = r.intervals ? get(r.intervals) : undefined;
      if (a) for (let k = 0; k < cells; k++) out[k]! += a[k]!;
    }
    return out;
  };
  const weeks = sum((i) => i.measured).map((s) => s / first.intervalSeconds);
  const perWeek = (a: Float64Array) => Array.from(a, (v, k) => (weeks[k]! > 0 ? round(v / weeks[k]!) : 0));
  const share = (a: Float64Array, b: Float64Array) => Array.from(a, (v, k) => (b[k]! > 0 ? round(v / b[k]!) : null));
  const teams: IntervalResults["teams"] = {};
  const occupancy: (number | null)[][] = [];
  model.teams.forEach((team, t) => {
    const busy = sum((i) => i.busy[t]);
    const staff = sum((i) => i.staff[t]);
    occupancy[t] = share(busy, staff);
    const seats = staff.map((v, k) => (weeks[k]! > 0 ? v / (weeks[k]! * first.intervalSeconds) : 0));
    teams[team.id] = {
      agents: Array.from(seats, (v) => round(v / Math.max(1, team.concurrency))),
      occupancy: occupancy[t]!,
    };
  });
  const nodes: IntervalResults["nodes"] = {};
  const flowOffered = new Float64Array(cells);
  const flowSlMet = new Float64Array(cells);
  const flowSlTotal = new Float64Array(cells);
  const flowAbandoned = new Float64Array(cells);
  const flowPatienceOffered = new Float64Array(cells);
  model.nodes.forEach((node, i) => {
    if (node.kind !== "work") return;
    const offered = sum((r) => r.offered[i]);
    const answered = sum((r) => r.answered[i]);
    const abandoned = sum((r) => r.abandoned[i]);
    const slMet = sum((r) => r.slMet[i]);
    const slTotal = sum((r) => r.slTotal[i]);
    const team = model.teams.findIndex((t) => t.id === node.team);
    for (let k = 0; k < cells; k++) {
      flowOffered[k]! += offered[k]!;
      if (node.queue.slaSeconds !== undefined) {
        flowSlMet[k]! += slMet[k]!;
        flowSlTotal[k]! += slTotal[k]!;
      }
      if (node.queue.patience !== undefined) {
        flowAbandoned[k]! += abandoned[k]!;
        flowPatienceOffered[k]! += offered[k]!;
      }
    }
    nodes[node.id] = {
      offered: perWeek(offered),
      answered: perWeek(answered),
      abandoned: perWeek(abandoned),
      ...(node.queue.slaSeconds !== undefined ? { serviceLevel: share(slMet, slTotal) } : {}),
      asa: share(
        sum((r) => r.waitSum[i]),
        answered,
      ),
      occupancy: team >= 0 ? occupancy[team]! : new Array<number | null>(cells).fill(null),
    };
  });
  return {
    intervalMinutes: first.intervalSeconds / 60,
    weeks: Array.from(weeks, (w) => round(w / reps.length)),
    flow: {
      offered: perWeek(flowOffered),
      serviceLevel: share(flowSlMet, flowSlTotal),
      abandonRate: share(flowAbandoned, flowPatienceOffered),
    },
    nodes,
    teams,
  };
}

// helpers

/** Six significant digits: per-interval figures are many, and noise past that carries no meaning. */
function round(x: number): number {
  return Number(x.toPrecision(6));
}

function present<T>(x: T | null): T[] {
  return x === null ? [] : [x];
}

/** Point-by-point mean over replications, NaN points left out (NaN if none), 6 significant digits. */
function meanSeries(series: ArrayLike<number>[]): number[] {
  const length = series.reduce((max, s) => Math.max(max, s.length), 0);
  const out: number[] = [];
  for (let k = 0; k < length; k++) {
    let sum = 0;
    let n = 0;
    for (const s of series) {
      const v = s[k];
      if (v !== undefined && !Number.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    out.push(n > 0 ? round6(sum / n) : Number.NaN);
  }
  return out;
}

/** Mean counts per replication, trimmed to the bins that hold anything. */
function meanHistogram(counts: Float64Array[]): { edges: number[]; counts: number[] } {
  const mean = meanSeries(counts);
  let first = mean.findIndex((c) => c > 0);
  if (first < 0) return { edges: [], counts: [] };
  let last = mean.length - 1;
  while (last > first && !(mean[last]! > 0)) last--;
  const edges = histogramEdges().map(round6);
  first = Math.max(0, first);
  return { edges: edges.slice(first, last + 2), counts: mean.slice(first, last + 1) };
}

function round6(x: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(6));
}
