/**
 * Snapshot logs: one row per update of a ticket's state (ServiceNow's incident audit, the UCI
 * incident log), with no event that says when an agent starts or stops working. A "work"
 * state ("Active") then lasts until the next update, nights and weekends included: on the
 * UCI log a resource holds a median 13 hours of "Active" tickets for every hour in which they
 * touch any ticket, so that elapsed time cannot be agent time, and staffing a team from the
 * people seen while booking it as handle time overloads every team in simulation (8,000%
 * utilisation, queues that never drain).
 *
 * What is modelled instead (the "work in progress" basis):
 * - a work step's duration is the visit's elapsed time in the work state, as the log shows it
 *   (so handle times, work shares and resolution times compare like with like);
 * - a team's "agents" are the tickets it holds in a work state at once (work-in-progress
 *   slots, round the clock, since an "Active" ticket stays so overnight): the most held in
 *   any hour of the log, or the mean by Little's law (visits per hour × mean visit) when the
 *   log is too short to reach it, with headroom so that slots are rarely all taken. They
 *   should not bind: the elapsed times already hold whatever waiting the desk's load caused,
 *   and a limit here would count it twice (sized on a 95th-percentile hour instead, the UCI
 *   backtest's median resolution comes out 6.0 h instead of 4.3 h, May's being 1.9 h). So
 *   utilisation reads as the share of those slots in use, not of people's time;
 * - the time a ticket sits queued before a team's visit ("New", "Assigned") is not limited by
 *   agents either: it becomes a pickup delay before the team's work step, fitted on the log's
 *   queued times (0 for visits that did not follow a queued state).
 *
 * Detection: a log is a snapshot log when work states end by an explicit end-of-work event
 * (a "done" role: "end", "complete", a lifecycle "complete") under 10% of the time, and
 * taking them as agent time needs more agents than the people the log shows (utilisation
 * above 100% over all teams, the figure that cannot be right).
 */
import type { ModelFile } from "../model/schema";
import type { LogAnalysis } from "./analyze";
import { fitDuration, roundDist } from "./fit";
import { teamIds } from "./names";
import type { Summary } from "./summarize";

type NodeFile = NonNullable<ModelFile["nodes"]>[number];

/** Share of work states ended by an end-of-work event below which a log is a snapshot log. */
export const SNAPSHOT_DONE_SHARE = 0.1;
/** Work-in-progress slots per team: this many times the most held at once (or Little's mean). */
export const WIP_HEADROOM = 1.25;
/** Id prefix of the pickup delays: the trace of a run reads them as time in the queue. */
export const PICKUP_PREFIX = "pickup-";

/** What a snapshot log's agents are, in words (`Summary.agentsBasis`; the report says it). */
export const SNAPSHOT_BASIS =
  "the tickets each team holds in a work state at once (a snapshot log: no event marks the end of work, so a visit's elapsed time in the work state is its duration and agents are work-in-progress slots, not people)";

export interface SnapshotBasis {
  /** Finished work states and how many an end-of-work event closed. */
  workStates: number;
  endedByDone: number;
  /** Work-in-progress slots per team (log index). */
  slots: number[];
  /** In words, for the report. */
  note: string;
}

/**
 * Whether the log never says when work ends (fewer than 10% of work states end by "done")
 * and its work states, taken as agent time, need more agents than the estimate of `summary`
 * gives (work time above staffed time over all teams). A ticket table whose handle time ends
 * each work state (with a wait until resolution) is not one: its work is agent time.
 */
export function isSnapshotLog(a: LogAnalysis, summary: Summary): boolean {
  const states = workStates(a);
  if (states === 0 || a.workEndedByDone >= SNAPSHOT_DONE_SHARE * states) return false;
  let busy = 0;
  let staffed = 0;
  for (const [t, name] of a.teams.list.entries()) {
    const u = summary.figures.utilisation[name];
    const b = busyOf(a, t).busySeconds;
    if (u === undefined || b === 0) continue;
    busy += b;
    staffed += u > 0 ? b / u : 0;
  }
  return staffed === 0 ? busy > 0 : busy > staffed;
}

/**
 * Replaces the agents estimate of `summary` (and its utilisation figures) by work-in-progress
 * slots. Call only for a snapshot log.
 */
export function snapshotStaffing(a: LogAnalysis, summary: Summary): SnapshotBasis {
  const slots = a.teams.list.map((_, t) => wipSlots(a, t));
  summary.agents = slots.map((n) => new Array<number>(168).fill(n));
  summary.agentsBasis = SNAPSHOT_BASIS;
  for (const [t, name] of a.teams.list.entries()) {
    if (!summary.visited[t]) continue;
    const { busySeconds, hours } = busyOf(a, t);
    summary.figures.utilisation[name] = hours > 0 && slots[t]! > 0 ? busySeconds / (slots[t]! * hours * 3600) : 0;
  }
  const states = workStates(a);
  return {
    workStates: states,
    endedByDone: a.workEndedByDone,
    slots,
    note: `Snapshot log: ${a.workEndedByDone} of ${states} work states end with an end-of-work event, so a work state's time is elapsed time, not agent time. Modelled on the work-in-progress basis: each visit lasts its elapsed time in the work state, each team's agents are the tickets it holds in work at once (${Math.round((WIP_HEADROOM - 1) * 100)}% above the most seen, round the clock), and the time queued before a visit is a pickup delay before the team's work step.`,
  };
}

/**
 * The flow with a pickup delay before each work step whose team's visits were queued first:
 * every connection into a work step `work-X` goes through `pickup-X` (fitted on the team's
 * queued times; a team with a step per channel has one delay before each).
 */
export function addPickupDelays(model: ModelFile, a: LogAnalysis): ModelFile {
  const ids = teamIds(a.teams.list);
  const teamOf = new Map(ids.map((id, t) => [id, t]));
  const nodes: NodeFile[] = [...(model.nodes ?? [])];
  const taken = new Set(nodes.map((n) => n.id));
  const edges = (model.edges ?? []).map((e) => ({ ...e }));
  const fits = new Map<number, NodeFile & { kind: "delay" }>();
  let next = edges.length;
  for (const work of model.nodes ?? []) {
    if (work.kind !== "work") continue;
    const t = teamOf.get(work.team);
    const sample = t === undefined ? undefined : a.pickup[t];
    if (t === undefined || !sample || sample.n === 0 || sample.positives === 0) continue;
    let id = `${PICKUP_PREFIX}${work.id.replace(/^work-/, "")}`;
    for (let k = 2; taken.has(id); k++) id = `${PICKUP_PREFIX}${work.id.replace(/^work-/, "")}-${k}`;
    taken.add(id);
    const template = fits.get(t) ?? {
      id,
      kind: "delay" as const,
      label: `Waiting for ${a.teams.list[t]} to pick it up`,
      duration: roundDist(fitDuration(sample).dist),
    };
    fits.set(t, template);
    nodes.push({ ...template, id });
    for (const e of edges) if (e.to === work.id) e.to = id;
    edges.push({ id: `e${++next}`, from: id, to: work.id });
  }
  return { ...model, nodes, edges };
}

// helpers

function workStates(a: LogAnalysis): number {
  return a.handle.reduce((s, h) => s + (h?.n ?? 0), 0);
}

/** Slots for one team: headroom over the most work held in any hour, or Little's mean. */
function wipSlots(a: LogAnalysis, t: number): number {
  const busy = a.busy[t];
  if (!busy || busy.size === 0) return 1;
  let most = 0;
  for (const s of busy.values()) most = Math.max(most, s / 3600);
  const { busySeconds, hours } = busyOf(a, t);
  const h = a.handle[t]!;
  // Little's law: visits per hour times the mean visit (hours). A log shorter than the
  // team's long visits never reaches its steady work in progress.
  const little = hours > 0 && h.n > 0 ? (h.n / hours) * (h.mean / 3600) : busySeconds / 3600 / Math.max(1, hours);
  return Math.max(1, Math.ceil(WIP_HEADROOM * Math.max(most, little)));
}

/** Busy seconds of a team and the clock hours from its first to its last busy hour. */
function busyOf(a: LogAnalysis, t: number): { busySeconds: number; hours: number } {
  let busySeconds = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const [hour, s] of a.busy[t] ?? []) {
    busySeconds += s;
    first = Math.min(first, hour);
    last = Math.max(last, hour);
  }
  return { busySeconds, hours: Number.isFinite(first) ? last - first + 1 : 0 };
}
