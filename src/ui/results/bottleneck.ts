/**
 * The worst bottleneck of a run, said in words for a support manager: the busiest team and
 * the work step where contacts wait longest (or abandon most), e.g.
 * `L2 specialists are 97% busy; tickets wait 3.4 h on average before "L2 investigates".`
 */
import type { Model } from "../../model";
import type { Results } from "../../sim/results";
import { formatBrief } from "./kpis";
import { runModelOf } from "./runModels";

export interface Bottleneck {
  /** Busiest team (highest utilisation), when any team was staffed. */
  team?: { id: string; name: string; utilization: number };
  /** Work step with the longest mean wait. */
  node?: { id: string; label: string; team: string; waitSeconds: number; abandonShare?: number };
  /** The finding in one sentence. */
  text: string;
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
  if (!team && !node) return undefined;
  const text =
    node && team && node.team !== team.id ? splitSentence(team, node, model, results) : jointSentence(team, node);
  return { team, node, text };
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
