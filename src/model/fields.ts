/**
 * The field spec of flowcast/v1: every field of the format described once, in words: its
 * label, how it is typed and shown, its unit and its help. Validity (bounds, defaults) stays
 * in the zod schemas and is read from them (fieldPaths.ts), so nothing is said twice. The
 * inspector renders its forms from these entries, the inspector's messages name fields by
 * their label, and docs/format.md is generated from them (scripts/format-docs.ts).
 *
 * Adding a field to the format: add it to the schema, then one entry here under its path
 * ("nodes.work.queue.overflow", "teams.shrinkage"); fields.test.ts fails until both exist.
 */
import { schemaBounds, schemaFields } from "./fieldPaths";
import type { NodeKind } from "./schema";

/** How a value is typed and shown; each has one field component in the inspector. */
export type FieldType =
  | "text" // free text on one line
  | "longText" // free text, several lines
  | "id" // letters, digits, - and _; renaming follows every reference
  | "reference" // the id of another thing (a team, a step, a port)
  | "dateTime" // "2026-01-05T08:00"
  | "timeOfDay" // "08:00"
  | "duration" // seconds inside; "90s", "6m", "2h", "3d" typed and shown
  | "share" // 0..1 inside; "60%", "60" or "0.6" typed, "60%" shown
  | "shares" // named shares adding up to 100%
  | "count" // a whole number
  | "tier" // a whole number 1.., typed "L2" or 2, shown "L2"
  | "number" // any number
  | "money" // an amount of the flow's currency
  | "enum" // one of `options`
  | "days" // days of the week
  | "distribution" // a probability distribution (of seconds when `unit` is "seconds")
  | "list" // a list of values
  | "map"; // named values

/** One field in words. */
export interface FieldSpec {
  label: string;
  type: FieldType;
  /** Unit of the stored value, in words ("seconds", "contacts per hour", "per agent hour"). */
  unit?: string;
  /** What the field means and how it is used, for the docs and the inspector's hints. */
  help: string;
  /** Values of an enum and their words. */
  options?: Readonly<Record<string, string>>;
}

const DAYS_HELP = "mon, tue, wed, thu, fri, sat, sun";

/** The user-facing name of each node kind, the same in the palette, the inspector and messages. */
export const KIND_NAMES: Readonly<Record<NodeKind, string>> = {
  channel: "Channel",
  selfService: "Self-service",
  route: "Route",
  work: "Work",
  escalate: "Escalate",
  followUp: "Follow-up",
  delay: "Automated step",
  end: "End",
};

/** What each node kind stands for, and its ports (docs/format.md). */
export const KIND_HELP: Readonly<Record<NodeKind, { help: string; ports: string }>> = {
  channel: { help: "Where contacts arrive: a phone line, chat, email, web form.", ports: "out" },
  selfService: {
    help: "A help centre, bot or IVR: a share of contacts is resolved here, the rest go on.",
    ports: "resolved, notResolved",
  },
  route: {
    help: "Sends each contact on by rules (first match wins) or by a random split.",
    ports: "each rule's port and otherwise, or each split key",
  },
  work: {
    help: "Agents of a team handle the contact after it waits in the step's queue.",
    ports: "each outcome, and abandoned when callers may hang up",
  },
  escalate: { help: "A hand-off to another tier, with or without a context note.", ports: "out" },
  followUp: {
    help: "Waits on the customer (a reply, a callback), then the contact goes on by an outcome.",
    ports: "each outcome",
  },
  delay: { help: "Takes time but no agent (an automated check, a scheduled job).", ports: "out" },
  end: { help: "The ticket closes here, resolved or unresolved, with an optional CSAT survey.", ports: "none" },
};

const node = {
  id: { label: "Id", type: "id", help: "The step's id: edges, the layout and scenario paths name it." },
  label: { label: "Label", type: "text", help: "The name shown on the canvas (the id when absent)." },
  notes: { label: "Notes", type: "longText", help: "What the agent does here, for the runbook." },
} as const satisfies Record<string, FieldSpec>;

/** The spec of every field, by path; node fields of every kind under "nodes.*.". */
export const FIELDS: Readonly<Record<string, FieldSpec>> = {
  format: { label: "Format", type: "enum", help: 'Always "flowcast/v1".', options: { "flowcast/v1": "flowcast/v1" } },
  name: { label: "Name", type: "text", help: "The flow's name." },
  description: { label: "Description", type: "longText", help: "What the flow models." },
  "clock.start": {
    label: "Start",
    type: "dateTime",
    help: "When the simulated period starts (local time, no time zone).",
  },
  "clock.horizon": {
    label: "Horizon",
    type: "duration",
    unit: "seconds",
    help: "How long a run simulates, warm-up included.",
  },
  "clock.warmup": {
    label: "Warm-up",
    type: "duration",
    unit: "seconds",
    help: "The first part of the horizon, not measured (queues fill up first); shorter than the horizon.",
  },
  "clock.seriesInterval": {
    label: "Series interval",
    type: "duration",
    unit: "seconds",
    help: "The step of the backlog and queue series in the results.",
  },
  "clock.intervalMinutes": {
    label: "Planning interval",
    type: "count",
    unit: "minutes",
    help: "15, 30 or 60: the resolution of arrival profiles, per-interval results and targets, and staffing (60 when absent).",
  },
  "contactTypes.id": { label: "Id", type: "id", help: "The contact type's id (billing, password...)." },
  "contactTypes.name": { label: "Name", type: "text", help: "The name shown for the contact type." },
  "contactTypes.attributes": {
    label: "Attributes",
    type: "map",
    help: "Numbers drawn per contact of this type (name -> distribution), tested by route rules.",
  },
  "teams.id": { label: "Id", type: "id", help: "The team's id: work steps and scenario paths name it." },
  "teams.name": { label: "Name", type: "text", help: "The team's name." },
  "teams.tier": {
    label: "Tier",
    type: "tier",
    help: "Support tier: L1 first line, L2 and L3 escalation tiers; sets the canvas lane.",
  },
  "teams.agents": {
    label: "Agents",
    type: "count",
    unit: "agents",
    help: "Agents on duty (the headcount when a schedule is set).",
  },
  "teams.concurrency": {
    label: "Contacts per agent",
    type: "count",
    unit: "contacts at once",
    help: "How many contacts one agent handles at once (chat).",
  },
  "teams.concurrencySlowdown": {
    label: "Chat slowdown",
    type: "list",
    help: "Handle-time multiplier by the contacts an agent holds, e.g. [1, 1.25, 1.6]; missing entries repeat the last.",
  },
  "teams.costPerHour": {
    label: "Cost per hour",
    type: "money",
    unit: "per agent hour",
    help: "What one staffed agent hour costs.",
  },
  "teams.shrinkage": {
    label: "Shrinkage",
    type: "share",
    help: "Share of paid time agents are not available (breaks, training, absence): people to schedule = agents / (1 - shrinkage).",
  },
  "teams.maxOccupancy": {
    label: "Highest occupancy",
    type: "share",
    help: "The busy share of staffed time staffing may plan for, e.g. 85%.",
  },
  "teams.schedule.days": { label: "Days", type: "days", help: `Days of the shift: ${DAYS_HELP}.` },
  "teams.schedule.from": { label: "From", type: "timeOfDay", help: 'Start of the shift, "08:00".' },
  "teams.schedule.to": { label: "To", type: "timeOfDay", help: 'End of the shift, "17:00" ("24:00" for midnight).' },
  "teams.schedule.agents": { label: "Agents", type: "count", unit: "agents", help: "Agents on duty during the shift." },
  "nodes.*.id": node.id,
  "nodes.*.label": node.label,
  "nodes.*.notes": node.notes,
  "nodes.channel.channel": {
    label: "Channel",
    type: "enum",
    help: "The kind of channel; phone, chat and messaging customers wait on the line and may hang up.",
    options: {
      phone: "Phone",
      chat: "Chat",
      email: "Email",
      webform: "Web form",
      social: "Social",
      messaging: "Messaging",
    },
  },
  "nodes.channel.arrivals.perHour": {
    label: "Arrivals per hour",
    type: "number",
    unit: "contacts per hour",
    help: "Mean arrival rate over the week.",
  },
  "nodes.channel.arrivals.hourly": {
    label: "Hourly weights",
    type: "list",
    help: "24 relative weights of the hours of the day.",
  },
  "nodes.channel.arrivals.weekly": {
    label: "Weekly weights",
    type: "list",
    help: "7 relative weights of the days, Monday first.",
  },
  "nodes.channel.arrivals.profile": {
    label: "Profile per interval",
    type: "list",
    help: "One relative weight per interval of the week (clock.intervalMinutes), Monday 00:00 first; takes the place of hourly and weekly weights.",
  },
  "nodes.channel.arrivals.surges.from": { label: "From", type: "dateTime", help: "Start of a surge." },
  "nodes.channel.arrivals.surges.to": { label: "To", type: "dateTime", help: "End of a surge." },
  "nodes.channel.arrivals.surges.factor": {
    label: "Factor",
    type: "number",
    unit: "x",
    help: "Arrivals are multiplied by it during the surge.",
  },
  "nodes.channel.arrivals.dayFactor": {
    label: "Day factor",
    type: "distribution",
    help: "Day-to-day variation: each day's arrivals are multiplied by a draw (mean 1).",
  },
  "nodes.channel.mix": { label: "Contact types", type: "shares", help: "Share of each contact type among arrivals." },
  "nodes.channel.priority": {
    label: "Priority",
    type: "shares",
    help: "Share of each priority (urgent, high, normal, low).",
  },
  "nodes.channel.customerTier": {
    label: "Customer tiers",
    type: "shares",
    help: "Share of each customer tier (gold, standard...).",
  },
  "nodes.selfService.deflection": {
    label: "Share resolved here",
    type: "share",
    help: "Share of contacts resolved by self-service: one share, or one per contact type (missing types: 0).",
  },
  "nodes.selfService.duration": {
    label: "Time spent",
    type: "distribution",
    unit: "seconds",
    help: "Time a customer spends in self-service.",
  },
  "nodes.route.rules.if.contactType": {
    label: "Contact type is",
    type: "list",
    help: "One contact type id or a list.",
  },
  "nodes.route.rules.if.channel": { label: "Channel is", type: "list", help: "One channel or a list." },
  "nodes.route.rules.if.priority": { label: "Priority is", type: "list", help: "One priority or a list." },
  "nodes.route.rules.if.customerTier": {
    label: "Customer tier is",
    type: "list",
    help: "One customer tier or a list.",
  },
  "nodes.route.rules.if.attempts": {
    label: "Attempts",
    type: "map",
    help: "A range test on the contact's attempts: gt, gte, lt, lte.",
  },
  "nodes.route.rules.if.attributes": {
    label: "Attributes",
    type: "map",
    help: "Range tests on contact attributes (name -> gt, gte, lt, lte).",
  },
  "nodes.route.rules.port": {
    label: "Then go to",
    type: "reference",
    help: "The port a contact matching the rule leaves by.",
  },
  "nodes.route.split": { label: "Split", type: "shares", help: "Instead of rules: port -> share of contacts." },
  "nodes.work.team": { label: "Team", type: "reference", help: "The id of the team whose agents handle the step." },
  "nodes.work.handleTime": {
    label: "Handle time",
    type: "distribution",
    unit: "seconds",
    help: "Time an agent spends per contact.",
  },
  "nodes.work.handleTimeByType": {
    label: "Handle time per contact type",
    type: "map",
    help: "Contact type -> handle time, where it differs.",
  },
  "nodes.work.handleTimeByPriority": {
    label: "Handle time per priority",
    type: "map",
    help: "Priority (urgent, high, normal, low) -> handle time, where it differs; a contact type's own handle time comes first.",
  },
  "nodes.work.queue.discipline": {
    label: "Discipline",
    type: "enum",
    help: "Order in which waiting contacts are served.",
    options: { fifo: "First come, first served", priority: "By priority" },
  },
  "nodes.work.queue.patience": {
    label: "Patience",
    type: "distribution",
    unit: "seconds",
    help: "How long a customer waits before hanging up (live channels); absent: nobody hangs up.",
  },
  "nodes.work.queue.slaSeconds": {
    label: "Answer within",
    type: "duration",
    unit: "seconds",
    help: "Service-level target: a contact answered within it counts as met.",
  },
  "nodes.work.queue.shortAbandonSeconds": {
    label: "Short abandon",
    type: "duration",
    unit: "seconds",
    help: "Callers who hang up sooner count neither as met nor missed in the service level.",
  },
  "nodes.work.queue.overflow.after": {
    label: "Overflow after",
    type: "duration",
    unit: "seconds",
    help: "A contact still waiting this long moves to the overflow step's queue; 0 overflows on arrival when every agent is busy.",
  },
  "nodes.work.queue.overflow.to": {
    label: "Overflow to",
    type: "reference",
    help: "The work step whose team takes the contacts that overflow (with its handle time and outcomes).",
  },
  "nodes.work.outcomes": { label: "Outcomes", type: "shares", help: "Outcome -> share; each outcome is an out port." },
  "nodes.work.outcomesByType": {
    label: "Outcomes per contact type",
    type: "map",
    help: "Contact type -> outcome shares, where they differ.",
  },
  "nodes.escalate.handoff": {
    label: "Hand-off",
    type: "enum",
    help: "Whether the next agent gets a context note or the customer re-explains.",
    options: { structured: "Structured (context note)", none: "None (customer re-explains)" },
  },
  "nodes.escalate.noteTime": {
    label: "Note time",
    type: "distribution",
    unit: "seconds",
    help: "Time the escalating agent spends writing the note.",
  },
  "nodes.escalate.reexplainTime": {
    label: "Re-explain time",
    type: "distribution",
    unit: "seconds",
    help: "Extra time the next agent spends when the customer re-explains (no note).",
  },
  "nodes.escalate.checklist": {
    label: "Hand-off checklist",
    type: "list",
    help: "What the note must contain (runbook).",
  },
  "nodes.followUp.wait": {
    label: "Wait",
    type: "distribution",
    unit: "seconds",
    help: "How long the customer takes to come back.",
  },
  "nodes.followUp.outcomes": {
    label: "Outcomes",
    type: "shares",
    help: "Outcome -> share after the wait; each outcome is an out port.",
  },
  "nodes.delay.duration": {
    label: "Duration",
    type: "distribution",
    unit: "seconds",
    help: "Time the automated step takes.",
  },
  "nodes.end.status": {
    label: "Status",
    type: "enum",
    help: "Whether tickets ending here count as resolved.",
    options: { resolved: "Resolved", unresolved: "Unresolved" },
  },
  "nodes.end.csat.responseRate": {
    label: "Response rate",
    type: "share",
    help: "Share of customers answering the CSAT survey.",
  },
  "nodes.end.csat.base": {
    label: "Base satisfaction",
    type: "share",
    help: "Satisfaction before penalties (waits past SLA, re-explaining, reopening).",
  },
  "edges.id": { label: "Id", type: "id", help: "The connection's id." },
  "edges.from": { label: "From", type: "reference", help: "The id of the step it leaves." },
  "edges.to": { label: "To", type: "reference", help: "The id of the step it enters." },
  "edges.port": {
    label: "Port",
    type: "reference",
    help: 'The out port of the "from" step (an outcome, a rule port); "out" when absent.',
  },
  "scenarios.id": { label: "Id", type: "id", help: "The scenario's id (--scenario)." },
  "scenarios.name": { label: "Name", type: "text", help: "The scenario's name." },
  "scenarios.description": { label: "Description", type: "longText", help: "What the scenario tries." },
  "scenarios.set": {
    label: "Set",
    type: "map",
    help: 'Path -> new value, e.g. "teams.l1.agents": 14 (paths name things by id).',
  },
  "scenarios.scale": {
    label: "Scale",
    type: "map",
    help: 'Path -> factor, e.g. "nodes.phone.arrivals.perHour": 1.4 (volume +40%).',
  },
  "scenarios.add": {
    label: "Add",
    type: "map",
    help: 'Path -> amount added, e.g. "teams.l1.agents": 2 ("+2 L1 agents"), durations as "30s".',
  },
  "csat.pastSla": {
    label: "Waited past SLA",
    type: "share",
    help: "CSAT taken off when the customer waited past the SLA.",
  },
  "csat.reexplain": {
    label: "Re-explained",
    type: "share",
    help: "CSAT taken off when the customer had to re-explain.",
  },
  "csat.reopen": { label: "Reopened", type: "share", help: "CSAT taken off when the ticket was reopened." },
  resolutionTargets: {
    label: "Resolution targets",
    type: "map",
    help: 'Priority -> duration ("urgent": "4h"): a ticket open longer counts in backlogPastSla.',
  },
  "targets.kpi": {
    label: "KPI",
    type: "reference",
    help: "The KPI of the results that must hold (docs/staffing.md lists them).",
  },
  "targets.node": { label: "Step", type: "reference", help: "The work step the KPI is of (absent: flow-wide)." },
  "targets.team": { label: "Team", type: "reference", help: "The team the KPI is of." },
  "targets.atLeast": { label: "At least", type: "number", help: 'Lower bound: a number or text, "80%", "30s".' },
  "targets.atMost": { label: "At most", type: "number", help: 'Upper bound: a number or text, "80%", "30s".' },
  "targets.per": {
    label: "Holds",
    type: "text",
    help: '"interval": in each interval of the week; "run" (or absent): over the run.',
  },
  "targets.share": {
    label: "Share of intervals",
    type: "share",
    help: "With per interval: the share of intervals with contacts that must meet it (100% when absent).",
  },
  layout: { label: "Layout", type: "map", help: "Step id -> canvas position { x, y } in pixels." },
};

/** A field's spec, its bounds from the schema and whether it may be left out. */
export interface Field extends FieldSpec {
  path: string;
  min?: number;
  max?: number;
  integer: boolean;
  optional: boolean;
  defaultValue?: unknown;
}

let byPath: Map<string, Field> | undefined;

/** The field at `path` ("teams.agents", "nodes.work.queue.slaSeconds"); throws for an unknown path. */
export function field(path: string): Field {
  byPath ??= new Map(schemaFields().map((f) => [f.path, describe(f.path, f)]));
  const found = byPath.get(path);
  if (!found) throw new Error(`No field "${path}" in flowcast/v1`);
  return found;
}

/** Every field of the format with its spec, in schema order. */
export function allFields(): Field[] {
  return schemaFields().map((f) => field(f.path));
}

/** The spec entry of a schema path ("nodes.work.id" falls back to "nodes.*.id"). */
export function specOf(path: string): FieldSpec | undefined {
  return FIELDS[path] ?? FIELDS[path.replace(/^nodes\.[^.]+\./, "nodes.*.")];
}

/** Why `value` is out of the field's bounds, in its words ("Agents must be at least 0"), or undefined. */
export function boundsProblem(f: Field, value: number): string | undefined {
  const unit = f.unit && f.type !== "duration" && f.type !== "money" ? ` ${f.unit}` : "";
  if (f.integer && !Number.isInteger(value)) return `${f.label} must be a whole number`;
  if (f.min !== undefined && value < f.min) return `${f.label} must be at least ${show(f, f.min)}${unit}`;
  if (f.max !== undefined && value > f.max) return `${f.label} must be at most ${show(f, f.max)}${unit}`;
  return undefined;
}

// helpers

function describe(
  path: string,
  f: { schema: Parameters<typeof schemaBounds>[0]; optional: boolean; defaultValue?: unknown },
): Field {
  const spec = specOf(path);
  if (!spec) throw new Error(`The field "${path}" has no entry in the field spec (src/model/fields.ts)`);
  return { ...spec, path, ...schemaBounds(f.schema), optional: f.optional, defaultValue: f.defaultValue };
}

function show(f: Field, n: number): string {
  if (f.type === "tier") return `L${n}`;
  if (f.type === "share") return `${n * 100}%`;
  if (f.type === "duration") return n >= 60 && n % 60 === 0 ? `${n / 60} min` : `${n} s`;
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
