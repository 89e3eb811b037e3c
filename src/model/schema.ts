/**
 * The flowcast/v1 file format as zod schemas: the one contract between the canvas, the
 * simulator, the CLI and the tests (docs/format.md). Decoding a file fills every default here,
 * in one place, and turns durations into seconds; encoding writes them back as "6m".
 * Semantic rules that need the whole model (ports, reachability, shares) live in validate.ts.
 */
import { z } from "zod";
import { DurationDist, NumberDist } from "./distribution";
import { Duration } from "./duration";

export const FORMAT = "flowcast/v1";

/**
 * Upper bounds on the counts the engine keeps in typed arrays and loops over: a file past
 * them is refused with a message instead of overflowing an int32 or running out of memory.
 */
export const LIMITS = {
  agents: 100_000,
  concurrency: 1_000,
  tier: 100,
  arrivalsPerHour: 10_000_000,
  weight: 1_000_000,
  surgeFactor: 1_000,
  erlangK: 1_000,
  listLength: 100_000,
  coordinate: 10_000_000,
  /** Shortest series interval (seconds). */
  seriesIntervalSeconds: 60,
  /** Longest run (seconds): ten years. */
  horizonSeconds: 3660 * 86400,
} as const;

const count = (max: number, what: string) =>
  z
    .number()
    .int("must be a whole number")
    .max(max, `must be at most ${grouped(max)}${what ? ` ${what}` : ""}`);

/**
 * A whole number with thousands commas ("10,000,000"). Not `toLocaleString`: its first call
 * loads the locale data, which costs more than every schema below when the CLI starts.
 */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
/** An id: letters, digits, - and _ (ids appear in scenario paths such as teams.l1.agents). */
export const Id = z
  .string()
  .min(1, "must not be empty")
  .regex(ID_PATTERN, "may only contain letters, digits, - and _ (and must not start with -)");

/** A share of a whole, 0..1. */
export const Share = z.number().min(0, "must not be negative").max(1, "must not be more than 1");
/** Named shares that add up to 1 (checked in validate.ts, which can name the node). */
export const Shares = z.record(z.string(), Share);

export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const Day = z.enum(DAYS);
export const PRIORITIES = ["urgent", "high", "normal", "low"] as const;
export const Priority = z.enum(PRIORITIES);
export const CHANNELS = ["phone", "chat", "email", "webform", "social", "messaging"] as const;
export const ChannelType = z.enum(CHANNELS);

/** Wall-clock time of day "HH:MM" (00:00..24:00). */
export const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time of day written "HH:MM", e.g. "08:00"');
/** Local date-time "YYYY-MM-DDTHH:MM" (no time zone: the flow's own calendar). */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, 'must be a date and time written "2026-01-05T08:00"');

export const Clock = z.object({
  start: LocalDateTime.default("2026-01-05T00:00"),
  horizon: Duration.pipe(z.number().max(LIMITS.horizonSeconds, "must be at most ten years (3660d)")).default(
    28 * 86400,
  ),
  warmup: Duration.pipe(z.number().max(LIMITS.horizonSeconds, "must be at most ten years (3660d)")).default(2 * 86400),
  /** Interval of the backlog and queue series (at least a minute). */
  seriesInterval: Duration.pipe(
    z.number().min(LIMITS.seriesIntervalSeconds, 'must be at least a minute ("1m")'),
  ).default(3600),
  /**
   * Planning interval in minutes (15, 30 or 60): the resolution of per-interval arrival
   * profiles, per-interval results and targets, and staffing requirements. Absent: 60, and
   * the results carry no per-interval series unless a target asks for them.
   */
  intervalMinutes: z.number().optional(),
});

export const ContactType = z.object({
  id: Id,
  name: z.string().default(""),
  attributes: z.record(z.string(), NumberDist).optional(),
});

export const Shift = z.object({
  days: z.array(Day).min(1, "must name at least one day"),
  from: TimeOfDay,
  to: TimeOfDay,
  agents: count(LIMITS.agents, "").min(0, "must not be negative"),
});

export const Team = z.object({
  id: Id,
  name: z.string().default(""),
  tier: count(LIMITS.tier, "").min(1, "must be 1 or more").default(1),
  agents: count(LIMITS.agents, "").min(0, "must not be negative").default(1),
  concurrency: count(LIMITS.concurrency, "contacts at once").min(1, "must be at least 1").default(1),
  /**
   * Chat slowdown: handle-time multiplier by the contacts an agent holds, the new one
   * included ([1, 1.25, 1.6]: the third chat takes 1.6 x its handle time). Absent: no
   * slowdown. Missing entries repeat the last; entries past `concurrency` are unused.
   */
  concurrencySlowdown: z.array(z.number().min(1, "must be 1 or more (a handle-time multiplier)")).min(1).optional(),
  costPerHour: z.number().min(0, "must not be negative").default(0),
  schedule: z.array(Shift).optional(),
  /** Share of paid time agents are not available (breaks, training, absence): people = agents / (1 - shrinkage). */
  shrinkage: z.number().optional(),
  /** Highest busy share of an agent's staffed time the staffing may plan for (e.g. 0.85). */
  maxOccupancy: z.number().optional(),
});

export const Surge = z.object({
  from: LocalDateTime,
  to: LocalDateTime,
  factor: z.number().min(0).max(LIMITS.surgeFactor, `must be at most ${LIMITS.surgeFactor}`),
});

const Weight = z
  .number()
  .min(0, "weights must not be negative")
  .max(LIMITS.weight, `weights must be at most ${grouped(LIMITS.weight)}`);

export const Arrivals = z.object({
  perHour: z
    .number()
    .min(0, "must not be negative")
    .max(LIMITS.arrivalsPerHour, `must be at most ${grouped(LIMITS.arrivalsPerHour)} contacts per hour`),
  hourly: z.array(Weight).max(24, "must have 24 weights").optional(),
  weekly: z.array(Weight).max(7, "must have 7 weights").optional(),
  /**
   * Relative weights per interval of the week (clock.intervalMinutes; Monday 00:00 first:
   * 168 at 60 minutes, 336 at 30, 672 at 15), normalised to mean 1. Takes the place of
   * `hourly` and `weekly`.
   */
  profile: z
    .array(z.number().max(LIMITS.weight, `weights must be at most ${grouped(LIMITS.weight)}`))
    .max(672, "must have at most 672 weights (one per 15-minute interval of the week)")
    .optional(),
  surges: z.array(Surge).optional(),
  dayFactor: NumberDist.optional(),
});

const nodeBase = {
  id: Id,
  label: z.string().optional(),
  /** Free text for the runbook: what the agent does here. */
  notes: z.string().optional(),
};

export const ChannelNode = z.object({
  ...nodeBase,
  kind: z.literal("channel"),
  channel: ChannelType.default("phone"),
  arrivals: Arrivals,
  mix: Shares.optional(),
  priority: z.partialRecord(Priority, Share).optional(),
  customerTier: Shares.optional(),
});

export const SelfServiceNode = z.object({
  ...nodeBase,
  kind: z.literal("selfService"),
  /** Share of contacts resolved here: one share, or one per contact type (missing types: 0). */
  deflection: z.union([Share, Shares]),
  duration: DurationDist.default({ dist: "fixed", value: 120 }),
});

/** A range test on a number: every bound given must hold. */
export const Range = z.object({
  gt: z.number().optional(),
  gte: z.number().optional(),
  lt: z.number().optional(),
  lte: z.number().optional(),
});
const oneOrMany = z.union([z.string(), z.array(z.string())]);

/** Conditions of a routing rule; all given must hold. */
export const Condition = z.object({
  contactType: oneOrMany.optional(),
  channel: oneOrMany.optional(),
  priority: oneOrMany.optional(),
  customerTier: oneOrMany.optional(),
  attempts: Range.optional(),
  attributes: z.record(z.string(), Range).optional(),
});

export const RouteRule = z.object({ if: Condition, port: z.string().min(1, "must name a port") });

export const RouteNode = z.object({
  ...nodeBase,
  kind: z.literal("route"),
  /** Ordered rules, first match wins; a contact no rule matches leaves by `otherwise`. */
  rules: z.array(RouteRule).optional(),
  /** Or a probabilistic split: port -> share. */
  split: Shares.optional(),
});

export const Queue = z.object({
  discipline: z.enum(["fifo", "priority"]).default("fifo"),
  patience: DurationDist.optional(),
  slaSeconds: z.number().min(0, "must not be negative").optional(),
  /** Callers who hang up sooner than this (seconds) count neither as met nor missed in the service level. */
  shortAbandonSeconds: z.number().min(0, "must not be negative").optional(),
  /**
   * Overflow to another pool: a contact still waiting here `after` seconds moves to the queue
   * of work step `to` (served there by that step's team, with its handle time and outcomes).
   * `after: 0` overflows on arrival when every agent of this step's team is busy.
   */
  overflow: z.object({ after: Duration, to: z.string().min(1, "must name a work step") }).optional(),
});

export const WorkNode = z.object({
  ...nodeBase,
  kind: z.literal("work"),
  team: z.string(),
  handleTime: DurationDist,
  handleTimeByType: z.record(z.string(), DurationDist).optional(),
  /** Handle time per priority where it differs (a contact type's own handle time comes first). */
  handleTimeByPriority: z.partialRecord(Priority, DurationDist).optional(),
  queue: Queue.default({ discipline: "fifo" }),
  outcomes: Shares,
  outcomesByType: z.record(z.string(), Shares).optional(),
});

export const EscalateNode = z.object({
  ...nodeBase,
  kind: z.literal("escalate"),
  handoff: z.enum(["structured", "none"]).default("structured"),
  /** Time the escalating agent spends writing the context note (structured hand-off). */
  noteTime: DurationDist.default({ dist: "fixed", value: 120 }),
  /** Extra time the next agent spends when the customer must re-explain (no hand-off note). */
  reexplainTime: DurationDist.default({ dist: "fixed", value: 180 }),
  /** What the hand-off note must contain (for the runbook). */
  checklist: z.array(z.string()).optional(),
});

export const FollowUpNode = z.object({
  ...nodeBase,
  kind: z.literal("followUp"),
  wait: DurationDist,
  outcomes: Shares,
});

export const DelayNode = z.object({
  ...nodeBase,
  kind: z.literal("delay"),
  duration: DurationDist,
});

export const EndNode = z.object({
  ...nodeBase,
  kind: z.literal("end"),
  status: z.enum(["resolved", "unresolved"]).default("resolved"),
  csat: z.object({ responseRate: Share.default(0.2), base: Share.default(0.9) }).optional(),
});

export const Node = z.discriminatedUnion("kind", [
  ChannelNode,
  SelfServiceNode,
  RouteNode,
  WorkNode,
  EscalateNode,
  FollowUpNode,
  DelayNode,
  EndNode,
]);

const Coordinate = z
  .number()
  .min(-LIMITS.coordinate, "must be within 10,000,000 pixels of the origin")
  .max(LIMITS.coordinate, "must be within 10,000,000 pixels of the origin");

export const Edge = z.object({
  id: Id,
  from: z.string(),
  to: z.string(),
  /** Out port of `from`; "out" when omitted. */
  port: z.string().optional(),
});

export const Scenario = z.object({
  id: Id,
  name: z.string().default(""),
  description: z.string().optional(),
  /** Path -> new value, e.g. "teams.l1.agents": 14 (paths name things by id). */
  set: z.record(z.string(), z.unknown()).default({}),
  /** Path -> factor for numbers, e.g. "nodes.phone.arrivals.perHour": 1.4 (volume +40%). */
  scale: z.record(z.string(), z.number().min(0, "must not be negative")).optional(),
  /**
   * Path -> amount added to a number (or duration), e.g. "teams.l1.agents": 2 ("+2 L1
   * agents"): kept as the user said it, so the scenario follows later changes to the base.
   */
  add: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
});

/**
 * A service target: a KPI of the results document (flow-wide, or of one work step or team)
 * that must stay at least / at most a value. A value is a number (shares 0..1, seconds) or
 * text: "80%", "30s", "8h". Checked in validate/targets.ts.
 */
export const Target = z.object({
  kpi: z.string().min(1, "must name a KPI"),
  node: z.string().optional(),
  team: z.string().optional(),
  atLeast: z.union([z.number(), z.string()]).optional(),
  atMost: z.union([z.number(), z.string()]).optional(),
  /** "interval": the bound holds in each interval of the week (clock.intervalMinutes), not only over the run. */
  per: z.enum(["run", "interval"]).optional(),
  /** With per "interval": the share of intervals with contacts that must meet it (default 1). */
  share: z.union([z.number(), z.string()]).optional(),
});

/** Penalties on the modelled CSAT (shares taken off an end node's `base`). */
export const CsatPenalties = z.object({
  pastSla: Share.default(0.15),
  reexplain: Share.default(0.2),
  reopen: Share.default(0.15),
});

export const Model = z.object({
  format: z.literal(FORMAT, { error: `must be "${FORMAT}"` }),
  name: z.string().default("Untitled flow"),
  description: z.string().optional(),
  clock: Clock.default({ start: "2026-01-05T00:00", horizon: 28 * 86400, warmup: 2 * 86400, seriesInterval: 3600 }),
  contactTypes: z.array(ContactType).default([]),
  teams: z.array(Team).default([]),
  nodes: z.array(Node).default([]),
  edges: z.array(Edge).default([]),
  scenarios: z.array(Scenario).default([]),
  csat: CsatPenalties.default({ pastSla: 0.15, reexplain: 0.2, reopen: 0.15 }),
  /**
   * Resolution target per priority ("urgent": "4h", "normal": "1d"): a ticket open longer
   * than its target counts in `backlogPastSla` (its waits on the customer at followUp steps
   * left out of its age, and not counted during them: docs/metrics.md). Without a target for its priority, a ticket's
   * target is the answer SLA (`slaSeconds`) of the first such queue it joins.
   */
  resolutionTargets: z.partialRecord(Priority, Duration).optional(),
  /** Service targets (docs/staffing.md): what `flowcast staff` and the dashboard check. */
  targets: z.array(Target).optional(),
  layout: z.record(z.string(), z.object({ x: Coordinate, y: Coordinate })).default({}),
});

export type Model = z.output<typeof Model>;
export type ModelFile = z.input<typeof Model>;
export type Clock = z.output<typeof Clock>;
export type ContactType = z.output<typeof ContactType>;
export type Team = z.output<typeof Team>;
export type Shift = z.output<typeof Shift>;
export type Arrivals = z.output<typeof Arrivals>;
export type Node = z.output<typeof Node>;
export type NodeKind = Node["kind"];
export type NodeOf<K extends NodeKind> = Extract<Node, { kind: K }>;
export type ChannelNode = NodeOf<"channel">;
export type SelfServiceNode = NodeOf<"selfService">;
export type RouteNode = NodeOf<"route">;
export type WorkNode = NodeOf<"work">;
export type EscalateNode = NodeOf<"escalate">;
export type FollowUpNode = NodeOf<"followUp">;
export type DelayNode = NodeOf<"delay">;
export type EndNode = NodeOf<"end">;
export type Condition = z.output<typeof Condition>;
export type RouteRule = z.output<typeof RouteRule>;
export type Edge = z.output<typeof Edge>;
export type Scenario = z.output<typeof Scenario>;
export type Target = z.output<typeof Target>;
export type Priority = (typeof PRIORITIES)[number];
export type ChannelType = (typeof CHANNELS)[number];
export type DayName = (typeof DAYS)[number];

export const NODE_KINDS: readonly NodeKind[] = [
  "channel",
  "selfService",
  "route",
  "work",
  "escalate",
  "followUp",
  "delay",
  "end",
];

/** Channels where the customer waits on the line and may hang up. */
export const LIVE_CHANNELS: readonly ChannelType[] = ["phone", "chat", "messaging"];
