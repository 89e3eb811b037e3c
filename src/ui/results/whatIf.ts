/**
 * Quick "what if" changes to a flow, turned into a scenario stored in the model: agents per
 * team (+/-), arrival volume (%), deflection at self-service steps, the resolved share at
 * work steps and the hand-off mode of escalations. Each becomes a `set`, `scale` or `add`
 * override whose path names things by id (src/model/scenario.ts), written only when it
 * differs from the flow, so a scenario says exactly what changes. "+2 agents" is stored as
 * `add`, as the user said it, so it still means +2 after the base flow's staffing changes.
 */
import type { Draft } from "immer";
import type { Model, Scenario } from "../../model";

/** The what-if form's values; anything left out stays as in the flow. */
export interface WhatIf {
  name: string;
  /** Agents added (negative: removed) per team id, on the headcount and every shift. */
  agentsDelta: Record<string, number>;
  /** Arrival volume of every channel, in percent of today's (100 = unchanged). */
  volumePercent: number;
  /** New deflection share per self-service step id. */
  deflection: Record<string, number>;
  /** New share of the `resolved` outcome per work step id; other outcomes keep their proportions. */
  resolvedShare: Record<string, number>;
  /** Hand-off mode per escalate step id. */
  handoff: Record<string, "structured" | "none">;
}

/** An empty what-if: every value as in the flow. */
export function emptyWhatIf(name = ""): WhatIf {
  return { name, agentsDelta: {}, volumePercent: 100, deflection: {}, resolvedShare: {}, handoff: {} };
}

/** The scenario the what-if describes, with an id unique in `model.scenarios`. */
export function whatIfToScenario(model: Model, whatIf: WhatIf): Scenario {
  const set: Record<string, unknown> = {};
  const scale: Record<string, number> = {};
  const add: Record<string, number> = {};
  for (const team of model.teams) {
    const delta = Math.round(whatIf.agentsDelta[team.id] ?? 0);
    if (delta === 0) continue;
    add[`teams.${team.id}.agents`] = Math.max(-team.agents, delta);
    team.schedule?.forEach((shift, i) => {
      add[`teams.${team.id}.schedule.${i}.agents`] = Math.max(-shift.agents, delta);
    });
  }
  for (const node of model.nodes) {
    if (node.kind === "channel" && whatIf.volumePercent !== 100) {
      scale[`nodes.${node.id}.arrivals.perHour`] = Math.max(0, whatIf.volumePercent) / 100;
    } else if (node.kind === "selfService") {
      const share = whatIf.deflection[node.id];
      if (share !== undefined && share !== node.deflection) set[`nodes.${node.id}.deflection`] = clampShare(share);
    } else if (node.kind === "work") {
      const share = whatIf.resolvedShare[node.id];
      const outcomes = share === undefined ? undefined : reshare(node.outcomes, "resolved", clampShare(share));
      if (outcomes) set[`nodes.${node.id}.outcomes`] = outcomes;
    } else if (node.kind === "escalate") {
      const mode = whatIf.handoff[node.id];
      if (mode !== undefined && mode !== node.handoff) set[`nodes.${node.id}.handoff`] = mode;
    }
  }
  const name = whatIf.name.trim() || "What if";
  const scenario: Scenario = { id: uniqueId(model, name), name, set };
  if (Object.keys(scale).length > 0) scenario.scale = scale;
  if (Object.keys(add).length > 0) scenario.add = add;
  return scenario;
}

/** A recipe for `store.edit` that appends `scenario` to the model (undoable). */
export function addScenarioRecipe(scenario: Scenario): (draft: Draft<Model>) => void {
  return (draft) => {
    draft.scenarios.push(structuredClone(scenario) as Draft<Scenario>);
  };
}

/** Whether a what-if changes nothing. */
export function isEmptyScenario(scenario: Scenario): boolean {
  return (
    Object.keys(scenario.set).length === 0 &&
    Object.keys(scenario.scale ?? {}).length === 0 &&
    Object.keys(scenario.add ?? {}).length === 0
  );
}

/** "+2 L1 agents" -> "plus2-l1-agents": ids are letters, digits, - and _. */
export function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/\+/g, "plus")
    .replace(/%/g, "pct")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "scenario";
}

// helpers

function uniqueId(model: Model, name: string): string {
  const base = slugOf(name);
  const taken = new Set(model.scenarios.map((s) => s.id));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Outcome shares with `port` set to `share` and the others scaled to fill the rest, so
 * they still sum to 1. Undefined when the step has no such outcome or nothing changes.
 */
function reshare(outcomes: Record<string, number>, port: string, share: number): Record<string, number> | undefined {
  const current = outcomes[port];
  if (current === undefined || Math.abs(current - share) < 1e-9) return undefined;
  const rest = 1 - current;
  const others = Object.keys(outcomes).filter((k) => k !== port);
  const next: Record<string, number> = {};
  for (const key of Object.keys(outcomes)) {
    if (key === port) next[key] = share;
    else next[key] = rest > 0 ? ((outcomes[key] ?? 0) / rest) * (1 - share) : (1 - share) / others.length;
  }
  return next;
}

function clampShare(value: number): number {
  return Math.min(1, Math.max(0, value));
}
