/**
 * Compiles a flow once, before the event loop, into integer-indexed tables: node kinds as
 * codes, each out port as the index of its edge, cumulative outcome shares per node and
 * contact type, samplers, routing rules with masks. The loop then never looks anything up
 * by name. Nodes, teams and edges keep their positions in the model.
 *
 * Choices where DESIGN.md is silent:
 * - a port without an edge (only `abandoned` may be left so) loses the contact;
 * - a contact type without its own handle time or outcomes uses the node's defaults, and a
 *   ticket with no contact type (a channel without `mix`) is of "no type";
 * - priority defaults to `normal`, customer tier to none;
 * - an escalation note (structured hand-off) is written by the escalating agent: it is
 *   added to the service of the work visit whose outcome leads straight into the escalate
 *   node; reached any other way, the escalate node delays the ticket by the note time.
 */
import { ABANDONED, CHANNELS, type Condition, edgePort, type Model, type Node, OTHERWISE, PRIORITIES } from "../model";
import { parseLocalSeconds, secondsIntoWeek } from "./clockTime";
import { cumulate, Sampler } from "./distributions";
import { meanOne } from "./profileWeights";
import { compileStaffing } from "./staffing";

/** Node kind codes of the compiled tables (also one object, see tickets.ts `TicketFlag`). */
export const NodeKindCode = {
  CHANNEL: 0,
  SELF_SERVICE: 1,
  ROUTE: 2,
  WORK: 3,
  ESCALATE: 4,
  FOLLOW_UP: 5,
  DELAY: 6,
  END: 7,
} as const;

export const CHANNEL = 0;
export const SELF_SERVICE = 1;
export const ROUTE = 2;
export const WORK = 3;
export const ESCALATE = 4;
export const FOLLOW_UP = 5;
export const DELAY = 6;
export const END = 7;

const KIND_CODES: Record<Node["kind"], number> = {
  channel: CHANNEL,
  selfService: SELF_SERVICE,
  route: ROUTE,
  work: WORK,
  escalate: ESCALATE,
  followUp: FOLLOW_UP,
  delay: DELAY,
  end: END,
};

/** Rank of the default priority (`normal`); lower ranks are served first. */
export const NORMAL_PRIORITY = PRIORITIES.indexOf("normal");

/** Where a contact type's (nTypes: none) handle time for a priority sits in `CompiledWork.handle`. */
export function handleIndex(type: number, priority: number): number {
  return type * PRIORITIES.length + priority;
}

export interface CompiledChannel {
  node: number;
  id: string;
  channelCode: number;
  perHour: number;
  hourly: Float64Array;
  weekly: Float64Array;
  /** Weights per interval of the week (mean 1), in place of hourly x weekly; null: none. */
  profile: Float64Array | null;
  /** Length (seconds) of the segments the arrival rate is constant on: an hour, or the profile's interval. */
  segmentSeconds: number;
  surges: { from: number; to: number; factor: number }[];
  dayFactor: Sampler | null;
  /** Cumulative mix over contact types (empty: no type). */
  mix: Float64Array;
  mixTypes: Int32Array;
  priority: Float64Array;
  priorityCodes: Int32Array;
  tier: Float64Array;
  tierCodes: Int32Array;
  outEdge: number;
}

export interface CompiledWork {
  team: number;
  byPriority: boolean;
  /**
   * Handle time per contact type and priority, at `handleIndex(type, priority)` (type nTypes:
   * none). A contact type's own handle time comes first, then the priority's, then the step's.
   */
  handle: Sampler[];
  patience: Sampler | null;
  /** Answer SLA (seconds), NaN when none. */
  sla: number;
  /** Contacts abandoning sooner than this (seconds) count neither met nor missed (0: none). */
  shortAbandon: number;
  /** Cumulative outcome shares per contact type (index nTypes: default). */
  outcomeCum: Float64Array[];
  /** Edge of each outcome, parallel to outcomeCum (per type). */
  outcomeEdge: Int32Array[];
  /** Escalate node a structured note is written for, per outcome (-1: none), parallel to outcomeEdge. */
  outcomeNote: Int32Array[];
  abandonEdge: number;
  /** Work node a contact still waiting after `overflowAfter` seconds moves to (-1: no overflow). */
  overflowTo: number;
  /** Seconds of waiting before overflow; 0: on arrival when every agent of the team is busy. */
  overflowAfter: number;
}

export interface CompiledRule {
  contactType: Uint8Array | null;
  channel: Uint8Array | null;
  priority: Uint8Array | null;
  tier: Uint8Array | null;
  /** [gt, gte, lt, lte] of attempts, NaN when absent. */
  attempts: Float64Array | null;
  attributes: { attr: number; bounds: Float64Array }[];
  edge: number;
}

export interface CompiledTeam {
  id: string;
  concurrency: number;
  /** Handle-time multiplier by contacts held (index k-1 for k held), length concurrency; null: none. */
  slowdown: Float64Array | null;
  costPerHour: number;
  /** Staffed agents at run time 0. */
  initialAgents: number;
  /** Run times (seconds) at which the staffed agents change, ascending, and the new counts. */
  changeTimes: Float64Array;
  changeAgents: Int32Array;
  /** Work nodes this team serves, in model order. */
  nodes: Int32Array;
}

export interface CompiledModel {
  nNodes: number;
  nTypes: number;
  nodeIds: string[];
  /** Contact type ids, by type index. */
  typeIds: string[];
  kind: Int32Array;
  edgeTo: Int32Array;
  /** Single out edge of channel, escalate and delay nodes (-1 if unconnected). */
  outEdge: Int32Array;
  channels: CompiledChannel[];
  work: (CompiledWork | null)[];
  teams: CompiledTeam[];
  selfService: ({ duration: Sampler; deflection: Float64Array; resolvedEdge: number; contactEdge: number } | null)[];
  route: ({
    rules: CompiledRule[];
    otherwiseEdge: number;
    splitCum: Float64Array | null;
    splitEdge: Int32Array;
  } | null)[];
  escalate: ({ structured: boolean; note: Sampler; reexplain: Sampler } | null)[];
  followUp: ({ wait: Sampler; cum: Float64Array; edges: Int32Array } | null)[];
  delay: (Sampler | null)[];
  end: ({ resolved: boolean; responseRate: number; base: number } | null)[];
  attributes: string[];
  /** Per contact type: [attribute index, sampler] pairs. */
  typeAttributes: { attr: number; sampler: Sampler }[][];
  /** Seconds from the Monday 00:00 of the start week to clock.start. */
  weekOffset: number;
  /** Seconds from 1970 of clock.start (surges are given as local date-times). */
  startSeconds: number;
  csatPenalties: { pastSla: number; reexplain: number; reopen: number };
  /** Resolution target (seconds) per priority code; NaN where the flow sets none. */
  resolutionTargets: Float64Array;
  /** Planning interval (seconds): clock.intervalMinutes, 3600 when absent. */
  intervalSeconds: number;
  /** Whether the run collects figures per interval of the week (intervalStats.ts). */
  collectIntervals: boolean;
}

/** Compiles a valid flow into the engine's tables. */
export function compileModel(model: Model, horizon: number): CompiledModel {
  const nodeIds = model.nodes.map((n) => n.id);
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i]));
  const typeIndex = new Map(model.contactTypes.map((t, i) => [t.id, i]));
  const teamIndex = new Map(model.teams.map((t, i) => [t.id, i]));
  const nTypes = model.contactTypes.length;
  const edgeTo = Int32Array.from(model.edges.map((e) => nodeIndex.get(e.to) ?? -1));
  const portEdge = (node: number, port: string): number =>
    model.edges.findIndex((e) => e.from === nodeIds[node]! && edgePort(e) === port && nodeIndex.has(e.to));
  const attributes: string[] = [];
  const attrIndex = (name: string): number => {
    let i = attributes.indexOf(name);
    if (i < 0) i = attributes.push(name) - 1;
    return i;
  };
  const typeAttributes = model.contactTypes.map((t) =>
    Object.entries(t.attributes ?? {}).map(([name, dist]) => ({ attr: attrIndex(name), sampler: new Sampler(dist) })),
  );
  const tiers: string[] = [];
  const tierIndex = (name: string): number => {
    let i = tiers.indexOf(name);
    if (i < 0) i = tiers.push(name) - 1;
    return i;
  };
  const weekOffset = secondsIntoWeek(model.clock.start);
  const startSeconds = parseLocalSeconds(model.clock.start);
  const intervalSeconds = (model.clock.intervalMinutes ?? 60) * 60;

  const out: CompiledModel = {
    nNodes: model.nodes.length,
    nTypes,
    nodeIds,
    typeIds: model.contactTypes.map((t) => t.id),
    kind: Int32Array.from(model.nodes.map((n) => KIND_CODES[n.kind]!)),
    edgeTo,
    outEdge: Int32Array.from(model.nodes.map((_, i) => portEdge(i, "out"))),
    channels: [],
    work: [],
    teams: [],
    selfService: [],
    route: [],
    escalate: [],
    followUp: [],
    delay: [],
    end: [],
    attributes,
    typeAttributes,
    weekOffset,
    startSeconds,
    csatPenalties: model.csat,
    resolutionTargets: Float64Array.from(PRIORITIES, (p) => ownEntry(model.resolutionTargets, p) ?? Number.NaN),
    intervalSeconds,
    collectIntervals: collectsIntervals(model),
  };

  model.nodes.forEach((node, i) => {
    out.work.push(null);
    out.selfService.push(null);
    out.route.push(null);
    out.escalate.push(null);
    out.followUp.push(null);
    out.delay.push(null);
    out.end.push(null);
    switch (node.kind) {
      case "channel": {
        const mixEntries = Object.entries(node.mix ?? {}).filter(([id]) => typeIndex.has(id));
        const prio = Object.entries(node.priority ?? {});
        const tier = Object.entries(node.customerTier ?? {});
        out.channels.push({
          node: i,
          id: node.id,
          channelCode: CHANNELS.indexOf(node.channel),
          perHour: node.arrivals.perHour,
          hourly: meanOne(node.arrivals.hourly, 24),
          weekly: meanOne(node.arrivals.weekly, 7),
          profile: node.arrivals.profile ? meanOne(node.arrivals.profile, 604800 / intervalSeconds) : null,
          segmentSeconds: node.arrivals.profile ? intervalSeconds : 3600,
          surges: (node.arrivals.surges ?? []).map((s) => ({
            from: parseLocalSeconds(s.from) - startSeconds,
            to: parseLocalSeconds(s.to) - startSeconds,
            factor: s.factor,
          })),
          dayFactor: node.arrivals.dayFactor ? new Sampler(node.arrivals.dayFactor) : null,
          mix: cumulate(mixEntries.map(([, share]) => share)),
          mixTypes: Int32Array.from(mixEntries.map(([id]) => typeIndex.get(id) ?? -1)),
          priority: cumulate(prio.map(([, share]) => share ?? 0)),
          priorityCodes: Int32Array.from(prio.map(([p]) => PRIORITIES.indexOf(p as (typeof PRIORITIES)[number]))),
          tier: cumulate(tier.map(([, share]) => share)),
          tierCodes: Int32Array.from(tier.map(([t]) => tierIndex(t))),
          outEdge: portEdge(i, "out"),
        });
        break;
      }
      case "work": {
        const team = teamIndex.get(node.team) ?? -1;
        const fallback = new Sampler(node.handleTime);
        const byPriority = PRIORITIES.map((p) => {
          const own = ownEntry(node.handleTimeByPriority, p);
          return own ? new Sampler(own) : fallback;
        });
        const handle: Sampler[] = [];
        for (let t = 0; t <= nTypes; t++) {
          const own = t < nTypes ? ownEntry(node.handleTimeByType, model.contactTypes[t]!.id) : undefined;
          const typed = own ? new Sampler(own) : undefined;
          for (let p = 0; p < PRIORITIES.length; p++) handle.push(typed ?? byPriority[p]!);
        }
        const outcomeCum: Float64Array[] = [];
        const outcomeEdge: Int32Array[] = [];
        const outcomeNote: Int32Array[] = [];
        const addOutcomes = (shares: Record<string, number>) => {
          const entries = Object.entries(shares);
          outcomeCum.push(cumulate(entries.map(([, s]) => s)));
          const edges = Int32Array.from(entries.map(([port]) => portEdge(i, port)));
          outcomeEdge.push(edges);
          outcomeNote.push(
            Int32Array.from(edges, (e) => {
              const target = e >= 0 ? edgeTo[e]! : -1;
              const t = target >= 0 ? model.nodes[target]! : undefined;
              return t && t.kind === "escalate" && t.handoff === "structured" ? target : -1;
            }),
          );
        };
        for (let t = 0; t < nTypes; t++)
          addOutcomes(ownEntry(node.outcomesByType, model.contactTypes[t]!.id) ?? node.outcomes);
        addOutcomes(node.outcomes);
        out.work[i] = {
          team,
          byPriority: node.queue.discipline === "priority",
          handle,
          patience: node.queue.patience ? new Sampler(node.queue.patience) : null,
          sla: node.queue.slaSeconds ?? Number.NaN,
          shortAbandon: node.queue.shortAbandonSeconds ?? 0,
          outcomeCum,
          outcomeEdge,
          outcomeNote,
          abandonEdge: portEdge(i, ABANDONED),
          overflowTo: node.queue.overflow ? (nodeIndex.get(node.queue.overflow.to) ?? -1) : -1,
          overflowAfter: node.queue.overflow?.after ?? 0,
        };
        break;
      }
      case "selfService": {
        const deflection = new Float64Array(nTypes + 1);
        for (let t = 0; t <= nTypes; t++) {
          deflection[t] =
            typeof node.deflection === "number"
              ? node.deflection
              : t < nTypes
                ? (ownEntry(node.deflection, model.contactTypes[t]!.id) ?? 0)
                : 0;
        }
        out.selfService[i] = {
          duration: new Sampler(node.duration),
          deflection,
          resolvedEdge: portEdge(i, "resolved"),
          contactEdge: portEdge(i, "contact"),
        };
        break;
      }
      case "route": {
        const split = node.split ? Object.entries(node.split) : null;
        out.route[i] = {
          rules: (node.rules ?? []).map((rule) =>
            compileRule(rule.if, portEdge(i, rule.port), typeIndex, tierIndex, attrIndex),
          ),
          otherwiseEdge: portEdge(i, OTHERWISE),
          splitCum: split ? cumulate(split.map(([, s]) => s)) : null,
          splitEdge: Int32Array.from((split ?? []).map(([port]) => portEdge(i, port))),
        };
        break;
      }
      case "escalate":
        out.escalate[i] = {
          structured: node.handoff === "structured",
          note: new Sampler(node.noteTime),
          reexplain: new Sampler(node.reexplainTime),
        };
        break;
      case "followUp": {
        const entries = Object.entries(node.outcomes);
        out.followUp[i] = {
          wait: new Sampler(node.wait),
          cum: cumulate(entries.map(([, s]) => s)),
          edges: Int32Array.from(entries.map(([port]) => portEdge(i, port))),
        };
        break;
      }
      case "delay":
        out.delay[i] = new Sampler(node.duration);
        break;
      case "end":
        out.end[i] = {
          resolved: node.status === "resolved",
          responseRate: node.csat?.responseRate ?? 0.2,
          base: node.csat?.base ?? 0.9,
        };
        break;
    }
  });

  out.teams = model.teams.map((team, t) => {
    const staffing = compileStaffing(team.schedule, team.agents, weekOffset, horizon);
    return {
      id: team.id,
      concurrency: team.concurrency,
      slowdown: compileSlowdown(team.concurrencySlowdown, team.concurrency),
      costPerHour: team.costPerHour,
      initialAgents: staffing.initial,
      changeTimes: staffing.times,
      changeAgents: staffing.agents,
      nodes: Int32Array.from(
        model.nodes.flatMap((n, i) => (n.kind === "work" && teamIndex.get(n.team) === t ? [i] : [])),
      ),
    };
  });
  return out;
}

/**
 * Whether a run of the flow reports figures per interval of the week: when the flow sets
 * its planning interval (clock.intervalMinutes) or holds a target per interval. Other flows
 * run as before, with results unchanged.
 */
export function collectsIntervals(model: Model): boolean {
  return model.clock.intervalMinutes !== undefined || (model.targets ?? []).some((t) => t.per === "interval");
}

// helpers

/**
 * The entry of a record keyed by user ids (contact types, priorities), own keys only: a
 * contact type named "toString" or "constructor" must not find Object.prototype's function.
 */
function ownEntry<T>(record: Partial<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The multiplier for 1..concurrency contacts held: missing entries repeat the last. */
function compileSlowdown(factors: number[] | undefined, concurrency: number): Float64Array | null {
  if (!factors || factors.length === 0 || factors.every((f) => f === 1)) return null;
  return Float64Array.from({ length: concurrency }, (_, k) => factors[Math.min(k, factors.length - 1)]!);
}

function compileRule(
  condition: Condition,
  edge: number,
  typeIndex: Map<string, number>,
  tierIndex: (name: string) => number,
  attrIndex: (name: string) => number,
): CompiledRule {
  const mask = (
    values: string | string[] | undefined,
    size: number,
    index: (v: string) => number,
  ): Uint8Array | null => {
    if (values === undefined) return null;
    const m = new Uint8Array(size + 1);
    for (const v of Array.isArray(values) ? values : [values]) {
      const i = index(v);
      if (i >= 0 && i < size) m[i] = 1;
    }
    return m;
  };
  const bounds = (r: { gt?: number; gte?: number; lt?: number; lte?: number }) =>
    Float64Array.of(r.gt ?? Number.NaN, r.gte ?? Number.NaN, r.lt ?? Number.NaN, r.lte ?? Number.NaN);
  const tierValues = condition.customerTier;
  if (tierValues !== undefined) for (const v of Array.isArray(tierValues) ? tierValues : [tierValues]) tierIndex(v);
  return {
    contactType: mask(condition.contactType, typeIndex.size, (v) => typeIndex.get(v) ?? -1),
    channel: mask(condition.channel, CHANNELS.length, (v) => CHANNELS.indexOf(v as (typeof CHANNELS)[number])),
    priority: mask(condition.priority, PRIORITIES.length, (v) => PRIORITIES.indexOf(v as (typeof PRIORITIES)[number])),
    // tiers are indexed as they are met; 256 leaves room for every tier name of a flow
    tier: mask(condition.customerTier, 256, tierIndex),
    attempts: condition.attempts ? bounds(condition.attempts) : null,
    attributes: Object.entries(condition.attributes ?? {}).map(([name, r]) => ({
      attr: attrIndex(name),
      bounds: bounds(r),
    })),
    edge,
  };
}
