/**
 * The analytic answer the search starts from: for each team, the fewest agents whose pooled
 * queue (all the team's work steps, one M/M/c or M/M/c+M at the traffic equations' rates)
 * meets every target theory can speak to — service level (Erlang C, or Erlang A with
 * patience), mean wait, share that waits, abandonment, utilisation — and is stable.
 * Targets theory cannot speak to (backlog, resolution time, CSAT) are left to simulation.
 * For a single M/M/c(+M) queue or a Jackson network this is the exact minimum.
 */
import { distMean } from "../model";
import { erlangA, erlangAServiceLevel, type MmcmQueue } from "../sim/erlang";
import type { ResolvedTarget } from "./targets";
import type { TeamLoad } from "./traffic";

/** Largest headcount the analytic start looks at per team. */
const MAX_AGENTS = 5000;

/** Fewest agents that keep the team's queue stable: agents x concurrency > offered load. */
export function stableAgents(load: TeamLoad): number {
  if (load.arrivalRate <= 0) return 0;
  return Math.floor(load.offeredAgents + 1e-9) + 1;
}

/** Fewest agents of one team meeting the analytic targets that concern it (at least stableAgents). */
export function erlangAgents(load: TeamLoad, targets: readonly ResolvedTarget[]): number {
  const floor = stableAgents(load);
  if (load.arrivalRate <= 0 || load.handleSeconds <= 0) return floor;
  const checks = requirements(load, targets);
  if (checks.length === 0) return floor;
  for (let agents = Math.max(1, floor); agents <= MAX_AGENTS; agents++) {
    if (checks.every((meets) => meets(agents))) return agents;
  }
  return MAX_AGENTS;
}

// helpers

type Requirement = (agents: number) => boolean;

function requirements(load: TeamLoad, targets: readonly ResolvedTarget[]): Requirement[] {
  const concurrency = Math.max(1, load.team.concurrency);
  const queueFor = (agents: number, patienceSeconds: number | undefined): MmcmQueue => ({
    arrivalRate: load.arrivalRate,
    serviceRate: 1 / load.handleSeconds,
    servers: Math.max(1, agents * concurrency),
    abandonRate: patienceSeconds && patienceSeconds > 0 ? 1 / patienceSeconds : 0,
  });
  const safe = (f: () => number, fallback: number) => {
    try {
      const v = f();
      return Number.isFinite(v) ? v : fallback;
    } catch {
      return fallback;
    }
  };
  const out: Requirement[] = [];
  const occupancy = load.team.maxOccupancy;
  if (occupancy !== undefined && occupancy > 0)
    out.push((agents) => load.offeredAgents / Math.max(1, agents) <= occupancy);
  for (const t of targets) {
    const { kpi, node, team } = t.target;
    if (team !== undefined && team !== load.team.id) continue;
    const steps = load.steps.filter((s) => (node === undefined ? true : s.node.id === node));
    if (node !== undefined && steps.length === 0) continue;
    if (team !== undefined && kpi === "utilization" && t.atMost !== undefined) {
      const most = t.atMost;
      out.push((agents) => load.offeredAgents / Math.max(1, agents) <= most);
      continue;
    }
    if (team !== undefined) continue;
    for (const step of steps) {
      const patience = step.node.queue.patience ? distMean(step.node.queue.patience) : undefined;
      const sla = step.node.queue.slaSeconds;
      if (kpi === "serviceLevel" && t.atLeast !== undefined && sla !== undefined) {
        const least = t.atLeast;
        out.push((agents) => safe(() => erlangAServiceLevel(queueFor(agents, patience), sla), 0) >= least);
      } else if (kpi === "abandonRate" && node === undefined && t.atMost !== undefined && patience !== undefined) {
        const most = t.atMost;
        out.push((agents) => safe(() => erlangA(queueFor(agents, patience)).pAbandon, 1) <= most);
      } else if (kpi === "waitMean" && node !== undefined && t.atMost !== undefined) {
        const most = t.atMost;
        out.push((agents) => safe(() => erlangA(queueFor(agents, patience)).meanWaitServed, Infinity) <= most);
      } else if (kpi === "pWait" && node !== undefined && t.atMost !== undefined) {
        const most = t.atMost;
        out.push((agents) => safe(() => erlangA(queueFor(agents, patience)).pWait, 1) <= most);
      }
    }
  }
  return out;
}
