/**
 * Offered load before a run: from the flow's arrival rates, routing shares and handle times,
 * the traffic equations give the agent time each team is offered per hour of the week, to
 * set against what its staffed agents can do then. A team offered more than it can do gets
 * a warning in the user's words, before any run (validate, the problems panel, simulate).
 *
 * The traffic equations are solved by following the mass of contacts through the flow
 * (Jackson's equations, visit ratios, with loops), split by what routing can see: channel,
 * contact type, priority, customer tier, attempts and the contact's path; attribute rules
 * split by the attribute's distribution. Approximations, on the safe side for a warning:
 * - abandonment is ignored (abandoned contacts take no agent time, but callers who hang up
 *   and call back add some): the load is what is *offered*;
 * - work reached after a follow-up or a delay of an hour or more is spread evenly over the
 *   week (it comes back days later, not in the hour the ticket arrived); other work falls
 *   in the hour the ticket arrives;
 * - surges and day factors are left out (a day factor has mean 1).
 * A team answering contacts live (a queue with patience, or the first agent a phone, chat or
 * messaging contact reaches through routing and self-service only, no delay or follow-up
 * between) is checked hour by hour, as interval staffing is; back-office
 * work (email, web forms, escalations) can wait hours, so its team is checked day by day.
 */
import { type Condition, type Diagnostic, type Dist, distMean, LIVE_CHANNELS, type Model, type Node } from "../model";
import { Sampler } from "./distributions";
import type { Warning } from "./results";
import { createStream } from "./rng";
import { compileStaffing } from "./staffing";
import { daysInWords, describeWeekHours, HOURS_PER_WEEK } from "./weekHours";

/** A team's offered load and capacity per hour of the week (Monday 00:00 first), in Erlangs. */
export interface TeamLoad {
  team: string;
  /** How the team is named to a person: its name, else "Team <id>". */
  name: string;
  /** Offered agent time: contacts per hour x hours of agent time each (handle time at full speed). */
  offered: Float64Array;
  /** Agent time the staffed agents can give: agents x concurrency (less their chat slowdown). */
  capacity: Float64Array;
  /** Every work node of the team lets callers hang up: overload shows as abandonment. */
  patient: boolean;
  /** The team answers contacts live (checked hour by hour rather than day by day). */
  live: boolean;
}

/** Agent-seconds a ticket arriving at a channel brings each team: at once, and later in the week. */
export interface TicketWork {
  now: Map<string, number>;
  later: Map<string, number>;
  /** Teams that are the first agent a live contact reaches. */
  live: Set<string>;
}

/** Each team's offered load and capacity per hour of the week. */
export function teamLoads(model: Model): TeamLoad[] {
  const loads = model.teams.map((team) => ({
    team: team.id,
    name: team.name || `Team ${team.id}`,
    offered: new Float64Array(HOURS_PER_WEEK),
    capacity: weeklyCapacity(team),
    patient: model.nodes.every((n) => n.kind !== "work" || n.team !== team.id || n.queue.patience !== undefined),
    live: model.nodes.some((n) => n.kind === "work" && n.team === team.id && n.queue.patience !== undefined),
  }));
  const byId = new Map(loads.map((l) => [l.team, l]));
  for (const node of model.nodes) {
    if (node.kind !== "channel") continue;
    const rates = weeklyRates(node);
    const meanRate = rates.reduce((sum, r) => sum + r, 0) / HOURS_PER_WEEK;
    const work = workPerTicket(model, node);
    for (const team of work.live) {
      const load = byId.get(team);
      if (load) load.live = true;
    }
    for (const [team, seconds] of work.now) {
      const load = byId.get(team);
      if (load) for (let h = 0; h < HOURS_PER_WEEK; h++) load.offered[h]! += (rates[h]! * seconds) / 3600;
    }
    for (const [team, seconds] of work.later) {
      const load = byId.get(team);
      if (load) for (let h = 0; h < HOURS_PER_WEEK; h++) load.offered[h]! += (meanRate * seconds) / 3600;
    }
  }
  return loads;
}

/**
 * Warnings for every team offered more work than its agents can do: over the whole week
 * (code "overload": the queue grows without limit, or callers hang up), else in the hours
 * (live teams) or days (back office) of the week where it is (code "peak-overload": the
 * queue builds up then). Teams without agents at all are left to validation.
 */
export function offeredLoadWarnings(model: Model): Warning[] {
  const warnings: Warning[] = [];
  for (const load of teamLoads(model)) {
    const offered = sum(load.offered);
    const capacity = sum(load.capacity);
    if (capacity <= 0 || offered <= 0) continue;
    if (offered >= capacity * (1 - 1e-9)) {
      const when = isFlat(load) ? "" : " over the week";
      const outcome = load.patient
        ? `at least ${Math.floor((1 - capacity / offered) * 100)}% of its contacts will hang up before an agent answers`
        : "the queue will grow without limit";
      warnings.push({
        code: "overload",
        team: load.team,
        message: `${load.name} is offered ${percent(offered / capacity)} of its capacity${when}: ${outcome}.`,
      });
      continue;
    }
    const overloaded = load.live ? overloadedHours(load) : overloadedDays(load);
    if (overloadedPeak(overloaded) === 0) {
      const high = load.live ? highLoadHours(load) : null;
      if (high) warnings.push({ code: "high-load", team: load.team, message: high });
      continue;
    }
    warnings.push({ code: "peak-overload", team: load.team, message: overloadMessage(load, overloaded) });
  }
  return warnings;
}

/** The overload warnings as diagnostics (severity warning) pointing at their team, for validate and the problems panel. */
export function offeredLoadDiagnostics(model: Model): Diagnostic[] {
  return offeredLoadWarnings(model).map((w) => {
    const index = model.teams.findIndex((t) => t.id === w.team);
    return {
      severity: "warning",
      message: w.message,
      path: index >= 0 ? `teams[${index}]` : "",
      ...(w.team ? { teamId: w.team } : {}),
    };
  });
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
  const work: TicketWork = { now: new Map(), later: new Map(), live: new Set() };
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

/** Ratio of offered load to capacity per hour of the week where it is 1 or more (else 0). */
function overloadedHours(load: TeamLoad): Float64Array {
  const ratios = new Float64Array(HOURS_PER_WEEK);
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const c = load.capacity[h]!;
    const ratio = c > 0 ? load.offered[h]! / c : 0;
    if (ratio >= 1 - 1e-9) ratios[h] = ratio;
  }
  return ratios;
}

/**
 * A live team offered 90% or more (but less than all) of its capacity in some hours: the
 * queue stays stable on paper, but waits grow steeply there ("L1 front line at 95% on
 * weekdays 10:00-12:00: expect long waits; service level falls steeply."). Null when none.
 */
function highLoadHours(load: TeamLoad): string | null {
  const hot: boolean[] = [];
  let peak = 0;
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const c = load.capacity[h]!;
    const ratio = c > 0 ? load.offered[h]! / c : 0;
    hot.push(ratio >= HIGH_LOAD);
    if (ratio >= HIGH_LOAD) peak = Math.max(peak, ratio);
  }
  if (peak === 0) return null;
  const when = hot.every(Boolean) ? "all week" : describeWeekHours(hot);
  return `${load.name} at ${percent(peak)} of its capacity ${when === "all week" ? when : `on ${when}`}: expect long waits; service level falls steeply.`;
}

/** Offered load, as a share of capacity, from which a live team is warned of long waits. */
const HIGH_LOAD = 0.9;

/** The same per day of the week (each hour of a day carries its day's ratio, or 0). */
function overloadedDays(load: TeamLoad): Float64Array {
  const ratios = new Float64Array(HOURS_PER_WEEK);
  for (let day = 0; day < 7; day++) {
    let offered = 0;
    let capacity = 0;
    for (let h = day * 24; h < day * 24 + 24; h++) {
      offered += load.offered[h]!;
      capacity += load.capacity[h]!;
    }
    const ratio = capacity > 0 ? offered / capacity : 0;
    if (ratio >= 1 - 1e-9) ratios.fill(ratio, day * 24, day * 24 + 24);
  }
  return ratios;
}

function overloadedPeak(ratios: Float64Array): number {
  let peak = 0;
  for (let h = 0; h < ratios.length; h++) peak = Math.max(peak, ratios[h]!);
  return peak;
}

/** "<team> is offered [up to ]N% of its capacity <when>: <what happens>." */
function overloadMessage(load: TeamLoad, ratios: Float64Array): string {
  const peak = overloadedPeak(ratios);
  let low = peak;
  const over: boolean[] = [];
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    over.push(ratios[h]! > 0);
    if (ratios[h]! > 0) low = Math.min(low, ratios[h]!);
  }
  const upTo = percent(peak) === percent(low) ? "" : "up to ";
  let when: string;
  let outcome: string;
  if (load.live) {
    when = describeWeekHours(over);
    outcome = load.patient ? "callers will hang up during those hours" : "the queue builds up during those hours";
  } else {
    const days = [0, 1, 2, 3, 4, 5, 6].filter((d) => over[d * 24]);
    when = daysInWords(days);
    outcome = "the backlog grows on those days and must be worked off later";
  }
  const on = when.startsWith("every") ? "" : "on ";
  return `${load.name} is offered ${upTo}${percent(peak)} of its capacity ${on}${when}: ${outcome}.`;
}

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
      const ownHandle = node.handleTimeByType && Object.hasOwn(node.handleTimeByType, flow.type);
      let seconds =
        distMean((ownHandle ? node.handleTimeByType?.[flow.type] : undefined) ?? node.handleTime) + flow.reexplain;
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

/** Arrivals per hour at each hour of the week: perHour x hourly x weekly weights (each of mean 1). */
function weeklyRates(channel: Extract<Node, { kind: "channel" }>): Float64Array {
  const profile = channel.arrivals.profile;
  if (profile && profile.length > 0 && profile.length % HOURS_PER_WEEK === 0) {
    // a profile per interval: each hour's rate is the mean of its intervals
    const per = profile.length / HOURS_PER_WEEK;
    const weights = meanOne(profile, profile.length);
    return Float64Array.from({ length: HOURS_PER_WEEK }, (_, h) => {
      let total = 0;
      for (let i = 0; i < per; i++) total += weights[h * per + i]!;
      return (channel.arrivals.perHour * total) / per;
    });
  }
  const hourly = meanOne(channel.arrivals.hourly, 24);
  const weekly = meanOne(channel.arrivals.weekly, 7);
  return Float64Array.from(
    { length: HOURS_PER_WEEK },
    (_, h) => channel.arrivals.perHour * hourly[h % 24]! * weekly[Math.floor(h / 24)]!,
  );
}

/** Weights normalised to mean 1 (missing: 1), as the engine reads them. */
function meanOne(weights: number[] | undefined, length: number): Float64Array {
  const out = new Float64Array(length).fill(1);
  if (!weights || weights.length === 0) return out;
  let total = 0;
  for (let i = 0; i < length; i++) total += weights[i] ?? 0;
  for (let i = 0; i < length; i++) out[i] = total > 0 ? ((weights[i] ?? 0) * length) / total : 0;
  return out;
}

/** Erlangs a team's staffed agents can give at each hour of the week (minute-exact averages). */
function weeklyCapacity(team: Model["teams"][number]): Float64Array {
  const week = HOURS_PER_WEEK * 3600;
  const staffing = compileStaffing(team.schedule, team.agents, 0, week);
  const perAgent = agentThroughput(team.concurrency, team.concurrencySlowdown);
  const capacity = new Float64Array(HOURS_PER_WEEK);
  let agents = staffing.initial;
  let from = 0;
  const add = (to: number) => {
    for (let t = from; t < to; ) {
      const h = Math.floor(t / 3600);
      const end = Math.min(to, (h + 1) * 3600);
      capacity[h]! += (agents * perAgent * (end - t)) / 3600;
      t = end;
    }
    from = to;
  };
  for (let i = 0; i < staffing.times.length; i++) {
    add(staffing.times[i]!);
    agents = staffing.agents[i]!;
  }
  add(week);
  return capacity;
}

/**
 * Contacts one agent works through at once in full-speed terms: with k held, each at
 * slowdown m_k, the agent gives k / m_k; the best k up to the concurrency counts.
 */
function agentThroughput(concurrency: number, slowdown: number[] | undefined): number {
  if (!slowdown || slowdown.length === 0) return concurrency;
  let best = 0;
  for (let k = 1; k <= concurrency; k++) best = Math.max(best, k / slowdown[Math.min(k, slowdown.length) - 1]!);
  return best;
}

/** Whether offered load and capacity keep the same ratio in every hour (no profile, no schedule). */
function isFlat(load: TeamLoad): boolean {
  const ratio = load.offered[0]! / load.capacity[0]!;
  for (let h = 1; h < HOURS_PER_WEEK; h++)
    if (Math.abs(load.offered[h]! / load.capacity[h]! - ratio) > 1e-9 * Math.max(1, ratio)) return false;
  return Number.isFinite(ratio);
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

function shares(values: Partial<Record<string, number>> | undefined, fallback: string): [string, number][] {
  const list = Object.entries(values ?? {}).filter((e): e is [string, number] => (e[1] ?? 0) > 0);
  return list.length > 0 ? list : [[fallback, 1]];
}
