/**
 * Turns the collectors of one finished replication into its `ReplicationResult`: KPIs per
 * DESIGN.md ("Tickets and what is measured"), per-node, per-team and per-edge figures, series
 * and histograms. A ratio with an empty denominator is 0 (JSON has no NaN); node figures that
 * do not apply to a node's kind are NaN in the typed arrays and left out of the results.
 * Reads only the collectors, never the engine.
 */
import type { BacklogStats } from "./backlogStats";
import { type CompiledModel, WORK } from "./compile";
import type { FlowStats } from "./flowStats";
import { histogramQuantile } from "./histogram";
import type { IntervalStats } from "./intervalStats";
import type { MeasureWindow } from "./measureWindow";
import type { QueueStats } from "./queueStats";
import type { ReplicationResult } from "./replication";
import type { TeamStats } from "./teamStats";
import type { TicketStats } from "./ticketStats";

/** The collectors one replication fills. */
export interface RunStats {
  readonly window: MeasureWindow;
  readonly tickets: TicketStats;
  readonly flow: FlowStats;
  readonly queues: QueueStats;
  readonly teams: TeamStats;
  readonly backlog: BacklogStats;
  /** Figures per interval of the week, when the run collects them. */
  readonly intervals?: IntervalStats | null;
}

/** The figures of one finished replication. */
export function buildReplicationResult(
  cm: CompiledModel,
  stats: RunStats,
  replication: number,
  events: number,
): ReplicationResult {
  const { window, tickets: c, flow, queues: q, teams: ts, backlog } = stats;
  const span = window.horizon - window.warmup;
  const n = cm.nNodes;
  const nTeams = cm.teams.length;
  let busyArea = 0;
  let staffArea = 0;
  let cost = 0;
  const teams = {
    utilization: new Float64Array(nTeams),
    staffedHours: new Float64Array(nTeams),
    busyHours: new Float64Array(nTeams),
    cost: new Float64Array(nTeams),
  };
  for (let t = 0; t < nTeams; t++) {
    const team = cm.teams[t]!;
    busyArea += ts.busyArea[t]!;
    staffArea += ts.staffArea[t]!;
    teams.utilization[t] = ratio(ts.busyArea[t]!, ts.staffArea[t]!);
    teams.staffedHours[t] = ts.staffArea[t]! / team.concurrency / 3600;
    teams.busyHours[t] = ts.busyArea[t]! / team.concurrency / 3600;
    teams.cost[t] = teams.staffedHours[t]! * team.costPerHour;
    cost += teams.cost[t]!;
  }
  let abandoned = 0;
  let joinedPatience = 0;
  let slMet = 0;
  let slTotal = 0;
  const nodes = {
    entered: Float64Array.from(flow.entered),
    served: new Float64Array(n).fill(Number.NaN),
    abandoned: new Float64Array(n).fill(Number.NaN),
    shortAbandoned: new Float64Array(n).fill(Number.NaN),
    waitMean: new Float64Array(n).fill(Number.NaN),
    pWait: new Float64Array(n).fill(Number.NaN),
    serviceLevel: new Float64Array(n).fill(Number.NaN),
    queueMean: new Float64Array(n).fill(Number.NaN),
    inServiceMean: new Float64Array(n).fill(Number.NaN),
    queueTimeMean: new Float64Array(n).fill(Number.NaN),
    overflowed: new Float64Array(n).fill(Number.NaN),
  };
  for (let i = 0; i < n; i++) {
    if (cm.kind[i]! !== WORK) continue;
    const served = q.served[i]!;
    const left = served + q.abandoned[i]!;
    abandoned += q.abandoned[i]!;
    joinedPatience += q.joinedPatience[i]!;
    slMet += q.slMet[i]!;
    slTotal += q.slTotal[i]!;
    nodes.served[i] = served;
    nodes.abandoned[i] = q.abandoned[i]!;
    nodes.shortAbandoned[i] = q.shortAbandoned[i]!;
    nodes.waitMean[i] = ratio(q.waitSum[i]!, served);
    nodes.pWait[i] = ratio(q.waited[i]! + q.abandoned[i]!, left);
    nodes.serviceLevel[i] = ratio(q.slMet[i]!, q.slTotal[i]!);
    nodes.queueMean[i] = q.queueArea[i]! / span;
    nodes.inServiceMean[i] = q.serviceArea[i]! / span;
    nodes.queueTimeMean[i] = ratio(q.waitSum[i]! + q.abandonWaitSum[i]!, left);
    nodes.overflowed[i] = q.overflowed[i]!;
  }
  const points = window.points;
  const pastSla = new Float64Array(points);
  let run = 0;
  for (let k = 0; k < points; k++) {
    run += backlog.seriesPastSlaDiff[k]!;
    pastSla[k] = run;
  }
  const serviceLevel = new Float64Array(points);
  for (let k = 0; k < points; k++)
    serviceLevel[k] = q.seriesSlTotal[k]! > 0 ? q.seriesSlMet[k]! / q.seriesSlTotal[k]! : Number.NaN;
  return {
    replication,
    events,
    kpis: {
      tickets: c.tickets,
      fcr: ratio(c.fcr, c.reached),
      deflectionRate: ratio(c.deflected, c.tickets),
      escalationRate: ratio(c.escalated, c.reached),
      abandonRate: ratio(abandoned, joinedPatience),
      reopenRate: ratio(c.reopened, c.reached),
      serviceLevel: ratio(slMet, slTotal),
      firstResponseSeconds: ratio(c.firstResponseSum, c.firstResponseCount),
      resolutionSeconds: ratio(c.resolutionSum, c.resolutionCount),
      backlog: backlog.backlogArea / span,
      backlogPastSla: backlog.pastSlaArea / span,
      utilization: ratio(busyArea, staffArea),
      csat: ratio(c.csatWeighted, c.csatWeight),
      costPerTicket: ratio(cost, c.closed),
    },
    percentiles: {
      firstResponseP50: orZero(histogramQuantile(c.firstResponseHistogram, 0.5)),
      firstResponseP90: orZero(histogramQuantile(c.firstResponseHistogram, 0.9)),
      resolutionP50: orZero(histogramQuantile(c.resolutionHistogram, 0.5)),
      resolutionP90: orZero(histogramQuantile(c.resolutionHistogram, 0.9)),
    },
    unfinished: c.unfinished,
    flow: { created: flow.created, closed: flow.closed, lost: flow.lost, open: flow.open },
    nodes,
    teams,
    edges: Float64Array.from(flow.edges),
    series: {
      backlog: backlog.seriesBacklog,
      backlogPastSla: pastSla,
      arrivals: backlog.seriesArrivals,
      serviceLevel,
      queue: q.seriesQueue,
      staffed: ts.seriesStaffed,
      utilization: ts.seriesUtilization,
    },
    histograms: { firstResponseSeconds: c.firstResponseHistogram, resolutionSeconds: c.resolutionHistogram },
    ...(stats.intervals ? { intervals: intervalFigures(stats.intervals) } : {}),
  };
}

/** The raw per-interval sums of one replication. */
function intervalFigures(s: IntervalStats): NonNullable<ReplicationResult["intervals"]> {
  return {
    intervalSeconds: s.length,
    measured: s.measured,
    offered: s.offered,
    answered: s.answered,
    abandoned: s.abandoned,
    slTotal: s.slTotal,
    slMet: s.slMet,
    waitSum: s.waitSum,
    busy: s.busy,
    staff: s.staff,
  };
}

// helpers

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}

function orZero(x: number): number {
  return Number.isFinite(x) ? x : 0;
}
