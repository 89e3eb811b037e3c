/**
 * The worst bottleneck of a run, said in words for a support manager: the largest part of
 * the resolution time (and so, by Little's law, of the backlog) — a queue wait, a wait for
 * the customer at a follow-up, a timed wait, or agents' handle time — e.g.
 * `Most of the resolution time: waiting in the queue for "L2 investigates" (3.4 h on average; L2 specialists are 97% busy).`
 * A 19 s wait at a 27% busy team is not called the bottleneck when tickets spend a day
 * waiting for the customer.
 */
import { distMean, type Model } from "../../model";
import type { Results } from "../../sim/results";
import { formatBrief } from "./kpis";
import { runModelOf } from "./runModels";

export interface Bottleneck {
  /** Busiest team (highest utilisation), when any team was staffed. */
  team?: { id: string; name: string; utilization: number };
  /** Work step with the longest mean wait. */
  node?: { id: string; label: string; team: string; waitSeconds: number; abandonShare?: number };
  /** The largest contributor to resolution time, when any step holds tickets for a time. */
  cause?: Contributor;
  /** The finding in one sentence. */
  text: string;
}

/** Where tickets spend time: one part of one step. */
export interface Contributor {
  id: string;
  label: string;
  /** queue: waiting for an agent; customer: at a follow-up; timed: at a delay; handle: with an agent. */
  part: "queue" | "customer" | "timed" | "handle";
  /** Mean seconds per visit. */
  secondsPerVisit: number;
  /** Ticket-seconds in the part over the run (visits × seconds per visit). */
  total: number;
  /** The work step's team (queue and handle parts). */
  team?: string;
}

/** Abandonment share at a step above which the sentence mentions it. */
const ABANDON_WORTH_SAYING = 0.05;

/**
 * Finds the busiest team and the work step with the longest mean wait (ties: the one
 * losing the most contacts) in `results` of `model` (the flow as simulated, scenario
 * applied). Undefined when the run has no staffed team and no work step.
 */
export function findBottleneck(model: Model, results: Results): Bottleneck | undefined {
  const team = busiestTeam(model, results);
  const node = longestWait(model, results);
  const cause = largestContributor(model, results);
  if (cause) return { team, node, cause, text: causeSentence(cause, team, node, model, results) };
  if (!team && !node) return undefined;
  const text =
    node && team && node.team !== team.id ? splitSentence(team, node, model, results) : jointSentence(team, node);
  return { team, node, text };
}

/**
 * Every step's share of the time tickets spend open, the largest first: queue waits and
 * handle times at work steps (answered visits × mean), waits for the customer at follow-ups
 * and timed waits at delays (visits × the configured mean).
 */
export function contributors(model: Model, results: Results): Contributor[] {
  const found: Contributor[] = [];
  for (const node of model.nodes) {
    const figures = results.nodes[node.id];
    if (!figures) continue;
    const label = node.label || node.id;
    const add = (part: Contributor["part"], visits: number | undefined, seconds: number, team?: string) => {
      if (isNumber(visits) && isNumber(seconds) && visits > 0 && seconds > 0)
        found.push({ id: node.id, label, part, secondsPerVisit: seconds, total: visits * seconds, team });
    };
    if (node.kind === "work") {
      const served = figures.served?.mean;
      add("queue", served, figures.waitMean?.mean ?? 0, node.team);
      add("handle", served, distMean(node.handleTime), node.team);
    } else if (node.kind === "followUp") add("customer", figures.entered.mean, distMean(node.wait));
    else if (node.kind === "delay") add("timed", figures.entered.mean, distMean(node.duration));
  }
  return found.sort((a, b) => b.total - a.total);
}

/**
 * The bottleneck sentence of a run made in this page (the model comes from the run, see
 * runModels.ts), for the canvas to call out; undefined for results from elsewhere.
 */
export function describeBottleneck(results: Results): string | undefined {
  const model = runModelOf(results);
  return model ? findBottleneck(model, results)?.text : undefined;
}

// helpers

function busiestTeam(model: Model, results: Results): Bottleneck["team"] {
  let best: Bottleneck["team"];
  for (const team of model.teams) {
    const utilization = results.teams[team.id]?.utilization.mean;
    if (!isNumber(utilization)) continue;
    if (!best || utilization > best.utilization) best = { id: team.id, name: team.name || team.id, utilization };
  }
  return best;
}

function longestWait(model: Model, results: Results): Bottleneck["node"] {
  let best: Bottleneck["node"];
  let bestLost = -1;
  for (const node of model.nodes) {
    if (node.kind !== "work") continue;
    const figures = results.nodes[node.id];
    const waitSeconds = figures?.waitMean?.mean;
    if (!figures || !isNumber(waitSeconds)) continue;
    const entered = figures.entered.mean;
    const abandoned = figures.abandoned?.mean;
    const abandonShare = isNumber(abandoned) && entered > 0 ? abandoned / entered : undefined;
    const lost = abandonShare ?? 0;
    if (!best || waitSeconds > best.waitSeconds || (waitSeconds === best.waitSeconds && lost > bestLost)) {
      best = { id: node.id, label: node.label || node.id, team: node.team, waitSeconds, abandonShare };
      bestLost = lost;
    }
  }
  return best;
}

function largestContributor(model: Model, results: Results): Contributor | undefined {
  return contributors(model, results)[0];
}

/** "Most of the resolution time: <where> (<how long>; <who is busy>)", then the busiest team if another. */
function causeSentence(
  cause: Contributor,
  team: Bottleneck["team"],
  node: Bottleneck["node"],
  model: Model,
  results: Results,
): string {
  const time = formatBrief(cause.secondsPerVisit, "seconds");
  const where = {
    queue: `waiting in the queue for "${cause.label}" (${time} on average`,
    customer: `waiting for the customer at "${cause.label}" (${time}`,
    timed: `waiting at "${cause.label}" (${time}`,
    handle: `agents working at "${cause.label}" (${time} a ticket`,
  }[cause.part];
  const extras: string[] = [];
  const owner = cause.team ? model.teams.find((t) => t.id === cause.team) : undefined;
  const ownerBusy = cause.team ? results.teams[cause.team]?.utilization.mean : undefined;
  if (owner && isNumber(ownerBusy)) {
    const name = owner.name || owner.id;
    extras.push(`${name} ${isPlural(name) ? "are" : "is"} ${formatBrief(ownerBusy, "share")} busy`);
  }
  if (cause.part === "queue" && node?.id === cause.id && node.abandonShare !== undefined) {
    if (node.abandonShare >= ABANDON_WORTH_SAYING)
      extras.push(`${formatBrief(node.abandonShare, "share")} of contacts there abandon`);
  }
  let text = `Most of the resolution time: ${where}${extras.map((e) => `; ${e}`).join("")})`;
  if (team && team.id !== cause.team)
    text += `; the busiest team is ${team.name} at ${formatBrief(team.utilization, "share")}`;
  return `${text}.`;
}

/** The busiest team serves the step with the longest wait: one sentence. */
function jointSentence(team: Bottleneck["team"], node: Bottleneck["node"]): string {
  const parts: string[] = [];
  if (team)
    parts.push(`${team.name} ${isPlural(team.name) ? "are" : "is"} ${formatBrief(team.utilization, "share")} busy`);
  if (node) parts.push(waitClause(node));
  return `${capitalise(parts.join("; "))}.`;
}

/** The longest wait is at another team's step: say the wait first, then the busiest team. */
function splitSentence(
  team: NonNullable<Bottleneck["team"]>,
  node: NonNullable<Bottleneck["node"]>,
  model: Model,
  results: Results,
): string {
  const owner = model.teams.find((t) => t.id === node.team);
  const ownerBusy = results.teams[node.team]?.utilization.mean;
  const ownerText =
    owner && isNumber(ownerBusy) ? ` (${owner.name || owner.id}, ${formatBrief(ownerBusy, "share")} busy)` : "";
  return (
    `${capitalise(waitClause(node))}${ownerText}; ` +
    `the busiest team is ${team.name} at ${formatBrief(team.utilization, "share")}.`
  );
}

function waitClause(node: NonNullable<Bottleneck["node"]>): string {
  let clause = `tickets wait ${formatBrief(node.waitSeconds, "seconds")} on average before "${node.label}"`;
  if (node.abandonShare !== undefined && node.abandonShare >= ABANDON_WORTH_SAYING)
    clause += ` and ${formatBrief(node.abandonShare, "share")} of contacts there abandon`;
  return clause;
}

/** Team names are mostly groups of people ("L2 specialists"); a plain name takes "is". */
function isPlural(name: string): boolean {
  const last = name.trim().split(/\s+/).pop() ?? "";
  return /[^s]s$/i.test(last) || /^(staff|people|team members|crew)$/i.test(last);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}
