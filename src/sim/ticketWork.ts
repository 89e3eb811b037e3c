/**
 * The traffic equations of the offered-load check: the agent time one ticket arriving at a
 * channel brings each team, found by following the mass of contacts through the flow
 * (Jackson's equations, visit ratios, with loops), split by what routing can see: channel,
 * contact type, priority, customer tier, attempts and the contact's path; attribute rules
 * split by the attribute's distribution (exact where its distribution function is known).
 * Work reached after a follow-up or a long delay is marked as coming back later in the
 * week. load.ts turns it into each team's load per hour.
 */
import { type Condition, type Dist, distMean, LIVE_CHANNELS, type Model, type Node, type Priority } from "../model";
import { Sampler } from "./distributions";
import { createStream } from "./rng";

/** Agent-seconds a ticket arriving at a channel brings each team: at once, and later in the week. */
export interface TicketWork {
  now: Map<string, number>;
  later: Map<string, number>;
  /** Teams that are the first agent a live contact reaches. */
  live: Set<string>;
  /** The same agent-seconds per work step whose queue overflows (included in its team's figures). */
  steps: Map<string, { now: number; later: number }>;
}

/**
 * Agent-seconds one ticket arriving at `channel` brings each team, from the traffic
 * equations: its mass split by contact type, priority and tier, then by every node's shares
 * and rules, loops included, until what still circulates is negligible.
 */
export function workPerTicket(model: Model, channel: Extract<Node, { kind: "channel" }>): TicketWork {
  const nodes = new Map(model.nodes.map((n) => [n.id, n]));
  const targets = new Map<string, string[]>();
  for (const e of model.edges) {
    const key = `${e.from}\u0000${e.port ?? "out"}`;
    targets.set(key, [...(targets.get(key) ?? []), e.to]);
  }
  const work: TicketWork = { now: new Map(), later: new Map(), live: new Set(), steps: new Map() };
  const pending = new Map<string, { flow: Flow; mass: number }>();
  const push = (flow: Flow, to: string, mass: number, reexplain: number, deferred: boolean) => {
    if (!(mass > MIN_MASS)) return;
    const seen = flow.visited.includes(to);
    const next: Flow = {
      ...flow,
      node: to,
      // a loop back is a new contact, whose path starts afresh (the engine's attempts)
      attempts: Math.min(MAX_ATTEMPTS, flow.attempts + (seen ? 1 : 0)),
      visited: seen ? [to] : [...flow.visited, to].sort(),
      reexplain,
      deferred,
    };
    const key = JSON.stringify(next);
    const entry = pending.get(key);
    if (entry) entry.mass += mass;
    else pending.set(key, { flow: next, mass });
  };
  const send = (flow: Flow, port: string, mass: number, reexplain = 0, deferred = flow.deferred) => {
    for (const to of targets.get(`${flow.node}\u0000${port}`) ?? []) push(flow, to, mass, reexplain, deferred);
  };
  const context: Context = { model, nodes, targets, probabilities: new Map() };
  for (const [type, typeShare] of shares(channel.mix, "")) {
    for (const [priority, priorityShare] of shares(channel.priority, "normal")) {
      for (const [tier, tierShare] of shares(channel.customerTier, "")) {
        const start: Flow = {
          node: channel.id,
          channel: channel.channel,
          type,
          priority,
          tier,
          attempts: 1,
          visited: [channel.id],
          reexplain: 0,
          deferred: false,
          live: LIVE_CHANNELS.includes(channel.channel),
        };
        send(start, "out", typeShare * priorityShare * tierShare);
      }
    }
  }
  for (let guard = 0; pending.size > 0 && guard < MAX_STEPS; guard++) {
    const [key, { flow, mass }] = pending.entries().next().value as [string, { flow: Flow; mass: number }];
    pending.delete(key);
    const node = nodes.get(flow.node);
    if (node) step(context, node, flow, mass, send, work);
  }
  return work;
}

// helpers

/** A bundle of contacts moving through the flow: where, what, and its path so far. */
type Flow = {
  node: string;
  channel: string;
  type: string;
  priority: string;
  tier: string;
  attempts: number;
  visited: string[];
  /** Re-explain seconds the next agent spends (after a hand-off without a note). */
  reexplain: number;
  /** Passed a follow-up or a long delay: its work comes back later in the week. */
  deferred: boolean;
  /** A live contact (phone, chat, messaging) that has not reached an agent yet. */
  live: boolean;
};

type Send = (flow: Flow, port: string, mass: number, reexplain?: number, deferred?: boolean) => void;

/** Attempts told apart; rules test small counts (>= 2, >= 3). */
const MAX_ATTEMPTS = 8;
/** Mass (share of one ticket) below which a bundle is dropped. */
const MIN_MASS = 1e-9;
/** Bundles handled at most (a bound for huge flows; the mass left is then negligible or lost). */
const MAX_STEPS = 200_000;
/** A delay at least this long (seconds) defers the work after it. */
const LONG_DELAY = 3600;

/** What `step` looks up: nodes by id, edge targets by (node, port), cached rule probabilities. */
type Context = {
  model: Model;
  nodes: Map<string, Node>;
  targets: Map<string, string[]>;
  probabilities: Map<string, number>;
};

function step(context: Context, node: Node, flow: Flow, mass: number, send: Send, work: TicketWork): void {
  switch (node.kind) {
    case "channel":
      send(flow, "out", mass);
      return;
    case "delay":
      // an automated step (a case opened, a message sent) ends the live call
      send({ ...flow, live: false }, "out", mass, 0, flow.deferred || distMean(node.duration) >= LONG_DELAY);
      return;
    case "escalate":
      send(flow, "out", mass, node.handoff === "none" ? distMean(node.reexplainTime) : 0);
      return;
    case "selfService": {
      const d =
        typeof node.deflection === "number"
          ? node.deflection
          : Object.hasOwn(node.deflection, flow.type)
            ? (node.deflection[flow.type] ?? 0)
            : 0;
      send(flow, "resolved", mass * d);
      send(flow, "contact", mass * (1 - d));
      return;
    }
    case "route": {
      if (node.split) {
        for (const [port, share] of Object.entries(node.split)) send(flow, port, mass * share);
        return;
      }
      let left = mass;
      for (const rule of node.rules ?? []) {
        const p = matchProbability(context, rule.if, flow);
        send(flow, rule.port, left * p);
        left *= 1 - p;
      }
      send(flow, "otherwise", left);
      return;
    }
    case "work": {
      const afterAgent = flow.live ? { ...flow, live: false } : flow;
      // own keys only: a contact type named "toString" finds nothing inherited
      const byType = node.outcomesByType && Object.hasOwn(node.outcomesByType, flow.type);
      const outcomes = (byType ? node.outcomesByType?.[flow.type] : undefined) ?? node.outcomes;
      // As the engine: a contact type's own handle time, then the priority's, then the step's.
      const ownHandle = node.handleTimeByType && Object.hasOwn(node.handleTimeByType, flow.type);
      const byPriority = node.handleTimeByPriority && Object.hasOwn(node.handleTimeByPriority, flow.priority);
      let seconds =
        distMean(
          (ownHandle ? node.handleTimeByType?.[flow.type] : undefined) ??
            (byPriority ? node.handleTimeByPriority?.[flow.priority as Priority] : undefined) ??
            node.handleTime,
        ) + flow.reexplain;
      for (const [port, share] of Object.entries(outcomes)) {
        for (const id of context.targets.get(`${node.id}\u0000${port}`) ?? []) {
          const to = context.nodes.get(id);
          if (to?.kind === "escalate" && to.handoff === "structured") seconds += share * distMean(to.noteTime);
        }
        send(afterAgent, port, mass * share);
      }
      const into = flow.deferred ? work.later : work.now;
      into.set(node.team, (into.get(node.team) ?? 0) + mass * seconds);
      if (flow.live) work.live.add(node.team);
      if (node.queue.overflow) {
        const step = work.steps.get(node.id) ?? { now: 0, later: 0 };
        if (flow.deferred) step.later += mass * seconds;
        else step.now += mass * seconds;
        work.steps.set(node.id, step);
      }
      return;
    }
    case "followUp":
      for (const [port, share] of Object.entries(node.outcomes))
        send({ ...flow, live: false }, port, mass * share, 0, true);
      return;
    case "end":
      return;
  }
}

/** Probability that a bundle matches a rule: its own fields decide, attributes by their distribution. */
function matchProbability(context: Context, condition: Condition, flow: Flow): number {
  const among = (values: string | string[] | undefined, value: string) =>
    values === undefined || (Array.isArray(values) ? values : [values]).includes(value);
  if (!among(condition.contactType, flow.type)) return 0;
  if (!among(condition.channel, flow.channel)) return 0;
  if (!among(condition.priority, flow.priority)) return 0;
  if (!among(condition.customerTier, flow.tier)) return 0;
  if (condition.attempts && !inRange(flow.attempts, condition.attempts)) return 0;
  let p = 1;
  for (const [name, range] of Object.entries(condition.attributes ?? {})) {
    const key = JSON.stringify([flow.type, name, range]);
    let q = context.probabilities.get(key);
    if (q === undefined) {
      const dist = context.model.contactTypes.find((t) => t.id === flow.type)?.attributes?.[name];
      q = dist ? rangeProbability(dist, range) : 0;
      context.probabilities.set(key, q);
    }
    p *= q;
  }
  return p;
}

type Range = { gt?: number; gte?: number; lt?: number; lte?: number };

function inRange(x: number, r: Range): boolean {
  return (
    (r.gt === undefined || x > r.gt) &&
    (r.gte === undefined || x >= r.gte) &&
    (r.lt === undefined || x < r.lt) &&
    (r.lte === undefined || x <= r.lte)
  );
}

/** P(X in range): exact for fixed, exponential, uniform and lognormal; else from 4000 seeded draws. */
function rangeProbability(dist: Dist, r: Range): number {
  const exact = exactRangeProbability(dist, r);
  if (exact !== undefined) return exact;
  const sampler = new Sampler(dist);
  const rng = createStream(1, 0, "offered-load");
  let hits = 0;
  for (let i = 0; i < RANGE_DRAWS; i++) if (inRange(sampler.sample(rng), r)) hits++;
  return hits / RANGE_DRAWS;
}

const RANGE_DRAWS = 4000;

function exactRangeProbability(dist: Dist, r: Range): number | undefined {
  const cdf = cdfOf(dist);
  if (!cdf) return undefined;
  const low = Math.max(r.gt ?? Number.NEGATIVE_INFINITY, r.gte ?? Number.NEGATIVE_INFINITY);
  const high = Math.min(r.lt ?? Number.POSITIVE_INFINITY, r.lte ?? Number.POSITIVE_INFINITY);
  return Math.max(0, cdf(high) - cdf(low));
}

function cdfOf(dist: Dist): ((x: number) => number) | undefined {
  const positive = (f: (x: number) => number) => (x: number) =>
    x === Number.POSITIVE_INFINITY ? 1 : x <= 0 ? 0 : f(x);
  switch (dist.dist) {
    case "exponential":
      return positive((x) => 1 - Math.exp(-x / dist.mean));
    case "uniform":
      return (x) => Math.min(1, Math.max(0, (x - dist.min) / (dist.max - dist.min)));
    case "lognormal": {
      const s2 = Math.log(1 + (dist.sd / dist.mean) ** 2);
      return positive((x) => normalCdf((Math.log(x) - (Math.log(dist.mean) - s2 / 2)) / Math.sqrt(s2)));
    }
    default:
      return undefined;
  }
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, error below 1.5e-7). */
function normalCdf(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

function shares(values: Partial<Record<string, number>> | undefined, fallback: string): [string, number][] {
  const list = Object.entries(values ?? {}).filter((e): e is [string, number] => (e[1] ?? 0) > 0);
  return list.length > 0 ? list : [[fallback, 1]];
}
