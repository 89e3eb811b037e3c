/**
 * Turns the final state of one replication into its `ReplicationResult`: KPIs per DESIGN.md
 * ("Tickets and what is measured"), per-node, per-team and per-edge figures, series and
 * histograms. A ratio with an empty denominator is 0 (JSON has no NaN); node figures that
 * do not apply to a node's kind are NaN in the typed arrays and left out of the results.
 */
import { WORK } from "./compile";
import type { Simulation } from "./engine";
import { histogramQuantile } from "./histogram";
import type { ReplicationResult } from "./replication";

/** The figures of one finished replication. */
export function buildReplicationResult(sim: Simulation, replication: number): ReplicationResult {
  const cm = sim.cm;
  const span = sim.horizon - sim.warmup;
  const n = cm.nNodes;
  const nTeams = cm.teams.length;
  const c = sim.counted;
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
    busyArea += sim.busyArea[t]!;
    staffArea += sim.staffArea[t]!;
    teams.utilization[t] = ratio(sim.busyArea[t]!, sim.staffArea[t]!);
    teams.staffedHours[t] = sim.staffArea[t]! / team.concurrency / 3600;
    teams.busyHours[t] = sim.busyArea[t]! / team.concurrency / 3600;
    teams.cost[t] = teams.staffedHours[t]! * team.costPerHour;
    cost += teams.cost[t]!;
  }
  let abandoned = 0;
  let joinedPatience = 0;
  let slMet = 0;
  let slTotal = 0;
  const nodes = {
    entered: Float64Array.from(sim.entered),
    served: new Float64Array(n).fill(Number.NaN),
    abandoned: new Float64Array(n).fill(Number.NaN),
    waitMean: new Float64Array(n).fill(Number.NaN),
    pWait: new Float64Array(n).fill(Number.NaN),
    serviceLevel: new Float64Array(n).fill(Number.NaN),
    queueMean: new Float64Array(n).fill(Number.NaN),
    inServiceMean: new Float64Array(n).fill(Number.NaN),
    queueTimeMean: new Float64Array(n).fill(Number.NaN),
  };
  for (let i = 0; i < n; i++) {
    if (cm.kind[i]! !== WORK) continue;
    const served = sim.served[i]!;
    const left = served + sim.abandoned[i]!;
    abandoned += sim.abandoned[i]!;
    joinedPatience += sim.joinedPatience[i]!;
    slMet += sim.slMet[i]!;
    slTotal += sim.slTotal[i]!;
    nodes.served[i] = served;
    nodes.abandoned[i] = sim.abandoned[i]!;
    nodes.waitMean[i] = ratio(sim.waitSum[i]!, served);
    nodes.pWait[i] = ratio(sim.waited[i]! + sim.abandoned[i]!, left);
    nodes.serviceLevel[i] = ratio(sim.slMet[i]!, sim.slTotal[i]!);
    nodes.queueMean[i] = sim.queueArea[i]! / span;
    nodes.inServiceMean[i] = sim.serviceArea[i]! / span;
    nodes.queueTimeMean[i] = ratio(sim.waitSum[i]! + sim.abandonWaitSum[i]!, left);
  }
  const pastSla = new Float64Array(sim.points);
  let run = 0;
  for (let k = 0; k < sim.points; k++) {
    run += sim.seriesPastSlaDiff[k]!;
    pastSla[k] = run;
  }
  const serviceLevel = new Float64Array(sim.points);
  for (let k = 0; k < sim.points; k++)
    serviceLevel[k] = sim.seriesSlTotal[k]! > 0 ? sim.seriesSlMet[k]! / sim.seriesSlTotal[k]! : Number.NaN;
  const fr50 = histogramQuantile(sim.firstResponseHistogram, 0.5);
  const fr90 = histogramQuantile(sim.firstResponseHistogram, 0.9);
  const res50 = histogramQuantile(sim.resolutionHistogram, 0.5);
  const res90 = histogramQuantile(sim.resolutionHistogram, 0.9);
  return {
    replication,
    events: sim.events,
    kpis: {
      tickets: c.tickets,
      fcr: ratio(c.fcr, c.reached),
      deflectionRate: ratio(c.deflected, c.tickets),
      escalationRate: ratio(c.escalated, c.reached),
      abandonRate: ratio(abandoned, joinedPatience),
      reopenRate: ratio(c.reopened, c.reached),
      serviceLevel: ratio(slMet, slTotal),
      firstResponseSeconds: ratio(sim.firstResponseSum, sim.firstResponseCount),
      resolutionSeconds: ratio(sim.resolutionSum, sim.resolutionCount),
      backlog: sim.backlogArea / span,
      backlogPastSla: sim.pastSlaArea / span,
      utilization: ratio(busyArea, staffArea),
      csat: ratio(sim.csatWeighted, sim.csatWeight),
      costPerTicket: ratio(cost, c.closed),
    },
    percentiles: {
      firstResponseP50: orZero(fr50),
      firstResponseP90: orZero(fr90),
      resolutionP50: orZero(res50),
      resolutionP90: orZero(res90),
    },
    flow: { created: sim.createdAll, closed: sim.closedAll, lost: sim.lostAll, open: sim.open },
    nodes,
    teams,
    edges: Float64Array.from(sim.edgeCount),
    series: {
      backlog: sim.seriesBacklog,
      backlogPastSla: pastSla,
      arrivals: sim.seriesArrivals,
      serviceLevel,
      queue: sim.seriesQueue,
      staffed: sim.seriesStaffed,
      utilization: sim.seriesUtilization,
    },
    histograms: { firstResponseSeconds: sim.firstResponseHistogram, resolutionSeconds: sim.resolutionHistogram },
  };
}

// helpers

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}

function orZero(x: number): number {
  return Number.isFinite(x) ? x : 0;
}
