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

/**
 * Entries of one type share their shape: `spec.duration("Horizon", "How long…")` is the
 * label, then the help, then the unit where the type has none of its own.
 */
const spec = {
  count: entry("count"),
  dateTime: entry("dateTime"),
  days: entry("days"),
  distribution: entry("distribution"),
  id: entry("id"),
  list: entry("list"),
  longText: entry("longText"),
  map: entry("map"),
  money: entry("money"),
  number: entry("number"),
  reference: entry("reference"),
  share: entry("share"),
  shares: entry("shares"),
  text: entry("text"),
  tier: entry("tier"),
  timeOfDay: entry("timeOfDay"),
  duration: entry("duration", "seconds"),
  /** A distribution of seconds (handle time, patience, waits). */
  timeDistribution: entry("distribution", "seconds"),
};

const node = {
  id: spec.id("Id", "The step's id: edges, the layout and scenario paths name it."),
  label: spec.text("Label", "The name shown on the canvas (the id when absent)."),
  notes: spec.longText("Notes", "What the agent does here, for the runbook."),
};

/** The spec of every field, by path; node fields of every kind under "nodes.*.". */
export const FIELDS: Readonly<Record<string, FieldSpec>> = {
  format: { label: "Format", type: "enum", help: 'Always "flowcast/v1".', options: { "flowcast/v1": "flowcast/v1" } },
  name: spec.text("Name", "The flow's name."),
  description: spec.longText("Description", "What the flow models."),
  "clock.start": spec.dateTime("Start", "When the simulated period starts (local time, no time zone)."),
  "clock.horizon": spec.duration("Horizon", "How long a run simulates, warm-up included."),
  "clock.warmup": spec.duration(
    "Warm-up",
    "The first part of the horizon, not measured (queues fill up first); shorter than the horizon.",
  ),
  "clock.seriesInterval": spec.duration("Series interval", "The step of the backlog and queue series in the results."),
  "clock.intervalMinutes": spec.count(
    "Planning interval",
    "15, 30 or 60: the resolution of arrival profiles, per-interval results and targets, and staffing (60 when absent).",
    "minutes",
  ),
  "contactTypes.id": spec.id("Id", "The contact type's id (billing, password...)."),
  "contactTypes.name": spec.text("Name", "The name shown for the contact type."),
  "contactTypes.attributes": spec.map(
    "Attributes",
    "Numbers drawn per contact of this type (name -> distribution), tested by route rules.",
  ),
  "teams.id": spec.id("Id", "The team's id: work steps and scenario paths name it."),
  "teams.name": spec.text("Name", "The team's name."),
  "teams.tier": spec.tier("Tier", "Support tier: L1 first line, L2 and L3 escalation tiers; sets the canvas lane."),
  "teams.agents": spec.count("Agents", "Agents on duty (the headcount when a schedule is set).", "agents"),
  "teams.concurrency": spec.count(
    "Contacts per agent",
    "How many contacts one agent handles at once (chat).",
    "contacts at once",
  ),
  "teams.concurrencySlowdown": spec.list(
    "Chat slowdown",
    "Handle-time multiplier by the contacts an agent holds, e.g. [1, 1.25, 1.6]; missing entries repeat the last.",
  ),
  "teams.costPerHour": spec.money("Cost per hour", "What one staffed agent hour costs.", "per agent hour"),
  "teams.shrinkage": spec.share(
    "Shrinkage",
    "Share of paid time agents are not available (breaks, training, absence): people to schedule = agents / (1 - shrinkage).",
  ),
  "teams.maxOccupancy": spec.share(
    "Highest occupancy",
    "The busy share of staffed time staffing may plan for, e.g. 85%.",
  ),
  "teams.schedule.days": spec.days("Days", `Days of the shift: ${DAYS_HELP}.`),
  "teams.schedule.from": spec.timeOfDay("From", 'Start of the shift, "08:00".'),
  "teams.schedule.to": spec.timeOfDay("To", 'End of the shift, "17:00" ("24:00" for midnight).'),
  "teams.schedule.agents": spec.count("Agents", "Agents on duty during the shift.", "agents"),
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
  "nodes.channel.arrivals.perHour": spec.number(
    "Arrivals per hour",
    "Mean arrival rate over the week.",
    "contacts per hour",
  ),
  "nodes.channel.arrivals.hourly": spec.list("Hourly weights", "24 relative weights of the hours of the day."),
  "nodes.channel.arrivals.weekly": spec.list("Weekly weights", "7 relative weights of the days, Monday first."),
  "nodes.channel.arrivals.profile": spec.list(
    "Profile per interval",
    "One relative weight per interval of the week (clock.intervalMinutes), Monday 00:00 first; takes the place of hourly and weekly weights.",
  ),
  "nodes.channel.arrivals.surges.from": spec.dateTime("From", "Start of a surge."),
  "nodes.channel.arrivals.surges.to": spec.dateTime("To", "End of a surge."),
  "nodes.channel.arrivals.surges.factor": spec.number("Factor", "Arrivals are multiplied by it during the surge.", "x"),
  "nodes.channel.arrivals.dayFactor": spec.distribution(
    "Day factor",
    "Day-to-day variation: each day's arrivals are multiplied by a draw (mean 1).",
  ),
  "nodes.channel.mix": spec.shares("Contact types", "Share of each contact type among arrivals."),
  "nodes.channel.priority": spec.shares("Priority", "Share of each priority (urgent, high, normal, low)."),
  "nodes.channel.customerTier": spec.shares("Customer tiers", "Share of each customer tier (gold, standard...)."),
  "nodes.selfService.deflection": spec.share(
    "Share resolved here",
    "Share of contacts resolved by self-service: one share, or one per contact type (missing types: 0).",
  ),
  "nodes.selfService.duration": spec.timeDistribution("Time spent", "Time a customer spends in self-service."),
  "nodes.route.rules.if.contactType": spec.list("Contact type is", "One contact type id or a list."),
  "nodes.route.rules.if.channel": spec.list("Channel is", "One channel or a list."),
  "nodes.route.rules.if.priority": spec.list("Priority is", "One priority or a list."),
  "nodes.route.rules.if.customerTier": spec.list("Customer tier is", "One customer tier or a list."),
  "nodes.route.rules.if.attempts": spec.map("Attempts", "A range test on the contact's attempts: gt, gte, lt, lte."),
  "nodes.route.rules.if.attributes": spec.map(
    "Attributes",
    "Range tests on contact attributes (name -> gt, gte, lt, lte).",
  ),
  "nodes.route.rules.port": spec.reference("Then go to", "The port a contact matching the rule leaves by."),
  "nodes.route.split": spec.shares("Split", "Instead of rules: port -> share of contacts."),
  "nodes.work.team": spec.reference("Team", "The id of the team whose agents handle the step."),
  "nodes.work.handleTime": spec.timeDistribution("Handle time", "Time an agent spends per contact."),
  "nodes.work.handleTimeByType": spec.map(
    "Handle time per contact type",
    "Contact type -> handle time, where it differs.",
  ),
  "nodes.work.handleTimeByPriority": spec.map(
    "Handle time per priority",
    "Priority (urgent, high, normal, low) -> handle time, where it differs; a contact type's own handle time comes first.",
  ),
  "nodes.work.queue.discipline": {
    label: "Discipline",
    type: "enum",
    help: "Order in which waiting contacts are served.",
    options: { fifo: "First come, first served", priority: "By priority" },
  },
  "nodes.work.queue.patience": spec.timeDistribution(
    "Patience",
    "How long a customer waits before hanging up (live channels); absent: nobody hangs up.",
  ),
  "nodes.work.queue.slaSeconds": spec.duration(
    "Answer within",
    "Service-level target: a contact answered within it counts as met.",
  ),
  "nodes.work.queue.shortAbandonSeconds": spec.duration(
    "Short abandon",
    "Callers who hang up sooner count neither as met nor missed in the service level.",
  ),
  "nodes.work.queue.overflow.after": spec.duration(
    "Overflow after",
    "A contact still waiting this long moves to the overflow step's queue; 0 overflows on arrival when every agent is busy.",
  ),
  "nodes.work.queue.overflow.to": spec.reference(
    "Overflow to",
    "The work step whose team takes the contacts that overflow (with its handle time and outcomes).",
  ),
  "nodes.work.outcomes": spec.shares("Outcomes", "Outcome -> share; each outcome is an out port."),
  "nodes.work.outcomesByType": spec.map(
    "Outcomes per contact type",
    "Contact type -> outcome shares, where they differ.",
  ),
  "nodes.escalate.handoff": {
    label: "Hand-off",
    type: "enum",
    help: "Whether the next agent gets a context note or the customer re-explains.",
    options: { structured: "Structured (context note)", none: "None (customer re-explains)" },
  },
  "nodes.escalate.noteTime": spec.timeDistribution("Note time", "Time the escalating agent spends writing the note."),
  "nodes.escalate.reexplainTime": spec.timeDistribution(
    "Re-explain time",
    "Extra time the next agent spends when the customer re-explains (no note).",
  ),
  "nodes.escalate.checklist": spec.list("Hand-off checklist", "What the note must contain (runbook)."),
  "nodes.followUp.wait": spec.timeDistribution("Wait", "How long the customer takes to come back."),
  "nodes.followUp.outcomes": spec.shares("Outcomes", "Outcome -> share after the wait; each outcome is an out port."),
  "nodes.delay.duration": spec.timeDistribution("Duration", "Time the automated step takes."),
  "nodes.end.status": {
    label: "Status",
    type: "enum",
    help: "Whether tickets ending here count as resolved.",
    options: { resolved: "Resolved", unresolved: "Unresolved" },
  },
  "nodes.end.csat.responseRate": spec.share("Response rate", "Share of customers answering the CSAT survey."),
  "nodes.end.csat.base": spec.share(
    "Base satisfaction",
    "Satisfaction before penalties (waits past SLA, re-explaining, reopening).",
  ),
  "edges.id": spec.id("Id", "The connection's id."),
  "edges.from": spec.reference("From", "The id of the step it leaves."),
  "edges.to": spec.reference("To", "The id of the step it enters."),
  "edges.port": spec.reference("Port", 'The out port of the "from" step (an outcome, a rule port); "out" when absent.'),
  "scenarios.id": spec.id("Id", "The scenario's id (--scenario)."),
  "scenarios.name": spec.text("Name", "The scenario's name."),
  "scenarios.description": spec.longText("Description", "What the scenario tries."),
  "scenarios.set": spec.map("Set", 'Path -> new value, e.g. "teams.l1.agents": 14 (paths name things by id).'),
  "scenarios.scale": spec.map("Scale", 'Path -> factor, e.g. "nodes.phone.arrivals.perHour": 1.4 (volume +40%).'),
  "scenarios.add": spec.map(
    "Add",
    'Path -> amount added, e.g. "teams.l1.agents": 2 ("+2 L1 agents"), durations as "30s".',
  ),
  "csat.pastSla": spec.share("Waited past SLA", "CSAT taken off when the customer waited past the SLA."),
  "csat.reexplain": spec.share("Re-explained", "CSAT taken off when the customer had to re-explain."),
  "csat.reopen": spec.share("Reopened", "CSAT taken off when the ticket was reopened."),
  resolutionTargets: spec.map(
    "Resolution targets",
    'Priority -> duration ("urgent": "4h"): a ticket open longer counts in backlogPastSla.',
  ),
  "targets.kpi": spec.reference("KPI", "The KPI of the results that must hold (docs/staffing.md lists them)."),
  "targets.node": spec.reference("Step", "The work step the KPI is of (absent: flow-wide)."),
  "targets.team": spec.reference("Team", "The team the KPI is of."),
  "targets.atLeast": spec.number("At least", 'Lower bound: a number or text, "80%", "30s".'),
  "targets.atMost": spec.number("At most", 'Upper bound: a number or text, "80%", "30s".'),
  "targets.per": spec.text("Holds", '"interval": in each interval of the week; "run" (or absent): over the run.'),
  "targets.share": spec.share(
    "Share of intervals",
    "With per interval: the share of intervals with contacts that must meet it (100% when absent).",
  ),
  layout: spec.map("Layout", "Step id -> canvas position { x, y } in pixels."),
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
  const found = findField(path);
  if (!found) throw new Error(`No field "${path}" in flowcast/v1`);
  return found;
}

/** The field at `path`, or undefined when the format has none there. */
export function findField(path: string): Field | undefined {
  byPath ??= new Map(schemaFields().map((f) => [f.path, describe(f.path, f)]));
  return byPath.get(path);
}

/** Every field of the format with its spec, in schema order. */
export function allFields(): Field[] {
  return schemaFields().map((f) => field(f.path));
}

/** The spec entry of a schema path ("nodes.work.id" falls back to "nodes.*.id"). */
export function specOf(path: string): FieldSpec | undefined {
  return FIELDS[path] ?? FIELDS[path.replace(/^nodes\.[^.]+\./, "nodes.*.")];
}

/**
 * Why `value` is out of the field's bounds, in its words ("Agents must be at least 0
 * agents"), or undefined. The inspector shows it at the input; `flowcast validate` (parse.ts)
 * says the same for a file, so a bad value reads alike wherever it is found.
 */
export function boundsProblem(f: Field, value: number): string | undefined {
  const unit = f.unit && f.type !== "duration" && f.type !== "money" ? ` ${f.unit}` : "";
  if (f.integer && !Number.isInteger(value)) return `${f.label} must be a whole number`;
  if (f.min !== undefined && value < f.min) return `${f.label} must be at least ${showFieldValue(f, f.min)}${unit}`;
  if (f.max !== undefined && value > f.max) return `${f.label} must be at most ${showFieldValue(f, f.max)}${unit}`;
  return undefined;
}

/** A number of the field as its inputs show it: "L2", "60%", "6 min", "10,000". */
export function showFieldValue(f: Field, n: number): string {
  if (f.type === "tier") return `L${n}`;
  if (f.type === "share") return `${n * 100}%`;
  if (f.type === "duration") {
    if (n >= 86400 && n % 86400 === 0) return `${grouped(n / 86400)} days`;
    return n >= 60 && n % 60 === 0 ? `${grouped(n / 60)} min` : `${grouped(n)} s`;
  }
  return grouped(n);
}

// helpers

/** The maker of one type's entries; `unit` is the type's own (durations are in seconds). */
function entry(type: FieldType, typeUnit?: string) {
  return (label: string, help: string, unit = typeUnit): FieldSpec =>
    unit === undefined ? { label, type, help } : { label, type, unit, help };
}

function describe(
  path: string,
  f: { schema: Parameters<typeof schemaBounds>[0]; optional: boolean; defaultValue?: unknown },
): Field {
  const spec = specOf(path);
  if (!spec) throw new Error(`The field "${path}" has no entry in the field spec (src/model/fields.ts)`);
  return { ...spec, path, ...schemaBounds(f.schema), optional: f.optional, defaultValue: f.defaultValue };
}

function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
