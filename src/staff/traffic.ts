/**
 * Offered load per team from Jackson's traffic equations (src/sim/erlang.ts): every node is
 * a station, routing shares come from the model (outcome shares, splits, deflection) and,
 * where the model states none (rule ports, per-type deflection), from the contacts a run
 * sent down each connection. Abandonment is left out, so the load is an upper bound.
 * Visits are solved per channel, so the load of any hour of the week is a sum of
 * channel rate x visits (the staffing curve uses that).
 *
 * Overflow between pools (queue.overflow): of the contacts that reach a step whose queue
 * overflows, the share a run saw overflow (none before a run) goes on to the overflow step
 * and is served there (that step's handle time, team and outcomes); the rest are served at
 * the step and leave by its outcomes.
 */
import { DAYS, distMean, edgePort, type Model, type Node, portShare, type Team, type WorkNode } from "../model";
import { solveTrafficEquations } from "../sim/erlang";
import type { Results } from "../sim/results";

/** Load of one team: arrivals per second into its work steps and Erlangs offered. */
export interface TeamLoad {
  team: Team;
  /** Work steps of the team with their arrival rate (per second) and mean handle time (seconds). */
  steps: { node: WorkNode; arrivalRate: number; handleSeconds: number }[];
  arrivalRate: number;
  /** Mean handle time over the team's contacts, seconds. */
  handleSeconds: number;
  /** Offered load in agent-Erlangs (concurrency counted: contacts in service / concurrency). */
  offeredAgents: number;
}

/** Visits per contact entering each channel: `visits[channelIndex][nodeIndex]`. */
export interface Visits {
  channels: { node: Node; ratePerSecond: number }[];
  visits: number[][];
  /** Per node, the share of its visits served there (below 1 where a queue overflows). */
  served: number[];
}

/** Solves the traffic equations once per channel. `observed` supplies shares the model does not state. */
export function solveVisits(model: Model, observed?: Results): Visits {
  const index = new Map(model.nodes.map((n, i) => [n.id, i]));
  const served = model.nodes.map((node) => 1 - overflowShare(node, observed));
  const routing = model.nodes.map((node, i) => {
    const row = new Array<number>(model.nodes.length).fill(0);
    const kept = served[i] ?? 1;
    for (const [target, share] of outShares(model, node, observed)) {
      const j = index.get(target);
      if (j !== undefined) row[j] = (row[j] ?? 0) + share * kept;
    }
    const to = node.kind === "work" && node.queue.overflow ? index.get(node.queue.overflow.to) : undefined;
    if (to !== undefined) row[to] = (row[to] ?? 0) + (1 - kept);
    return row;
  });
  const channels = model.nodes.flatMap((node) =>
    node.kind === "channel" ? [{ node, ratePerSecond: node.arrivals.perHour / 3600 }] : [],
  );
  const visits = channels.map(({ node }) => {
    const external = model.nodes.map((n) => (n.id === node.id ? 1 : 0));
    try {
      return solveTrafficEquations(external, routing);
    } catch {
      // A loop that never lets go: count one visit per reachable step rather than fail.
      return external;
    }
  });
  return { channels, visits, served };
}

/** Offered load per team at the channels' mean rates (or at `rates`, per channel, per second). */
export function teamLoads(model: Model, visits: Visits, rates?: readonly number[]): Map<string, TeamLoad> {
  const loads = new Map<string, TeamLoad>();
  for (const team of model.teams) {
    loads.set(team.id, { team, steps: [], arrivalRate: 0, handleSeconds: 0, offeredAgents: 0 });
  }
  model.nodes.forEach((node, i) => {
    if (node.kind !== "work") return;
    const load = loads.get(node.team);
    if (!load) return;
    let rate = 0;
    visits.channels.forEach((channel, c) => {
      rate += (rates?.[c] ?? channel.ratePerSecond) * (visits.visits[c]?.[i] ?? 0);
    });
    rate *= visits.served[i] ?? 1;
    const handleSeconds = distMean(node.handleTime);
    load.steps.push({ node, arrivalRate: rate, handleSeconds });
    load.arrivalRate += rate;
    load.offeredAgents += (rate * handleSeconds) / Math.max(1, load.team.concurrency);
  });
  for (const load of loads.values()) {
    const work = load.steps.reduce((sum, s) => sum + s.arrivalRate * s.handleSeconds, 0);
    load.handleSeconds = load.arrivalRate > 0 ? work / load.arrivalRate : 0;
  }
  return loads;
}

/**
 * Each channel's arrival rate (per second) in hour `hourOfWeek` (0 = Monday 00:00): perHour
 * x hourly weight x weekly weight, both normalised to mean 1 as the simulator does.
 */
export function channelRatesAt(visits: Visits, hourOfWeek: number): number[] {
  return visits.channels.map(({ node, ratePerSecond }) => {
    if (node.kind !== "channel") return 0;
    const hourly = normalised(node.arrivals.hourly, 24);
    const weekly = normalised(node.arrivals.weekly, DAYS.length);
    return ratePerSecond * (hourly[hourOfWeek % 24] ?? 1) * (weekly[Math.floor(hourOfWeek / 24) % 7] ?? 1);
  });
}

/**
 * Each channel's arrival rate (per second) in interval `cell` of the week at `minutes` per
 * interval: from the channel's profile per interval when it has one (normalised to mean 1),
 * else from its hourly and weekly weights at the hour holding the interval.
 */
export function channelRatesInInterval(visits: Visits, cell: number, minutes: number): number[] {
  const byHour = channelRatesAt(visits, Math.floor((cell * minutes) / 60) % 168);
  return visits.channels.map(({ node, ratePerSecond }, c) => {
    if (node.kind !== "channel" || !node.arrivals.profile) return byHour[c] ?? 0;
    const profile = normalised(node.arrivals.profile, (7 * 1440) / minutes);
    return ratePerSecond * (profile[cell] ?? 1);
  });
}

// helpers

/** The share of a work step's contacts that overflow to another step: as a run saw it, else none. */
function overflowShare(node: Node, observed?: Results): number {
  if (node.kind !== "work" || !node.queue.overflow) return 0;
  const result = observed?.nodes[node.id];
  const entered = result?.entered.mean ?? 0;
  const overflowed = result?.overflowed?.mean ?? 0;
  return entered > 0 ? Math.min(1, Math.max(0, overflowed / entered)) : 0;
}

/** Target node id and share of every way out of `node` (abandonment left out). */
function outShares(model: Model, node: Node, observed?: Results): [string, number][] {
  const edges = model.edges.filter((e) => e.from === node.id && edgePort(e) !== "abandoned");
  if (edges.length === 0) return [];
  const byPort = new Map<string, string[]>();
  for (const edge of edges) byPort.set(edgePort(edge), [...(byPort.get(edgePort(edge)) ?? []), edge.to]);
  const stated = [...byPort.keys()].map((port) => portShare(node, port));
  const single = byPort.size === 1 && (node.kind === "channel" || node.kind === "escalate" || node.kind === "delay");
  const known = single || (node.kind !== "route" && stated.every((s) => s !== undefined));
  const shares = new Map<string, number>();
  if (single) shares.set([...byPort.keys()][0] as string, 1);
  else if (known) {
    for (const [k, port] of [...byPort.keys()].entries()) shares.set(port, stated[k] ?? 0);
  } else if (node.kind === "route" && node.split)
    for (const port of byPort.keys()) shares.set(port, node.split[port] ?? 0);
  else {
    // Rule ports and per-type deflection: the contacts a run sent down each connection.
    const counts = edges.map((e) => Math.max(0, observed?.edges[e.id]?.mean ?? 0));
    const total = counts.reduce((a, b) => a + b, 0);
    return edges.map((e, k) => [e.to, total > 0 ? (counts[k] ?? 0) / total : 1 / edges.length]);
  }
  const out: [string, number][] = [];
  for (const [port, targets] of byPort) {
    const share = shares.get(port) ?? 0;
    for (const target of targets) out.push([target, share / targets.length]);
  }
  return out;
}

function normalised(weights: readonly number[] | undefined, length: number): number[] {
  if (!weights || weights.length !== length) return new Array<number>(length).fill(1);
  const mean = weights.reduce((a, b) => a + b, 0) / length;
  return mean > 0 ? weights.map((w) => w / mean) : new Array<number>(length).fill(1);
}
