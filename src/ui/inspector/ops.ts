/**
 * Model operations behind the inspector: pure functions on an immer `Draft<Model>`, each one
 * a whole user intent (rename an id and every reference to it, rename an outcome and the
 * edges leaving by it, add a shift). The inspector calls them inside `store.edit`, so each is
 * one undoable step; they never touch React or the DOM and are tested headless.
 */
import type { Draft } from "immer";
import {
  type Condition,
  type Dist,
  type DistKind,
  distMean,
  edgePort,
  Id,
  type Model,
  type Node,
  type Shift,
  type Team,
} from "../../model";

type D = Draft<Model>;

/** Why `id` cannot be used as a new id among `taken` (undefined when it can). */
export function checkNewId(id: string, taken: readonly string[], current?: string): string | undefined {
  const parsed = Id.safeParse(id);
  if (!parsed.success) return `Id ${parsed.error.issues[0]?.message ?? "is not valid"}`;
  if (id !== current && taken.includes(id)) return `Id "${id}" is already used`;
  return undefined;
}

/** As `checkNewId`, worded for a name: an outcome, a split port, an attribute. */
export function checkNewName(name: string, taken: readonly string[], current?: string): string | undefined {
  return checkNewId(name, taken, current)?.replace(/^Id/, "Name");
}

/** Finds a node by id in a draft (or a model). */
export function findNode(model: D, id: string): Draft<Node> | undefined {
  return model.nodes.find((n) => n.id === id);
}

/**
 * Renames a node and every reference to it: edges (from/to), the layout key and scenario
 * paths ("nodes.<id>."). Throws when the new id is invalid or taken: the caller checks first.
 */
export function renameNodeId(model: D, from: string, to: string): void {
  if (!renameIn(model.nodes, from, to)) return;
  for (const edge of model.edges) {
    if (edge.from === from) edge.from = to;
    if (edge.to === from) edge.to = to;
  }
  if (model.layout[from]) {
    model.layout[to] = model.layout[from];
    delete model.layout[from];
  }
  renameScenarioPaths(model, `nodes.${from}.`, `nodes.${to}.`);
}

/** Renames a team and every reference: work nodes' `team` and scenario paths ("teams.<id>."). */
export function renameTeamId(model: D, from: string, to: string): void {
  if (!renameIn(model.teams, from, to)) return;
  for (const node of model.nodes) if (node.kind === "work" && node.team === from) node.team = to;
  renameScenarioPaths(model, `teams.${from}.`, `teams.${to}.`);
}

/**
 * Renames a contact type and every reference: channel mixes, per-type deflection, handle
 * times and outcomes, route conditions, and scenario paths.
 */
export function renameContactTypeId(model: D, from: string, to: string): void {
  if (!renameIn(model.contactTypes, from, to)) return;
  for (const node of model.nodes) {
    switch (node.kind) {
      case "channel":
        if (node.mix) node.mix = renameKey(node.mix, from, to);
        break;
      case "selfService":
        if (typeof node.deflection === "object") node.deflection = renameKey(node.deflection, from, to);
        break;
      case "work":
        if (node.handleTimeByType) node.handleTimeByType = renameKey(node.handleTimeByType, from, to);
        if (node.outcomesByType) node.outcomesByType = renameKey(node.outcomesByType, from, to);
        break;
      case "route":
        for (const rule of node.rules ?? []) {
          const value = rule.if.contactType;
          if (value === from) rule.if.contactType = to;
          else if (Array.isArray(value)) rule.if.contactType = value.map((v) => (v === from ? to : v));
        }
        break;
      default:
        break;
    }
  }
  renameScenarioPaths(model, `contactTypes.${from}.`, `contactTypes.${to}.`);
}

/** The shares of a node's out ports: a work/follow-up step's outcomes, a route's split (if any). */
export function portSharesOf(node: Draft<Node>): Record<string, number> | undefined {
  if (node.kind === "work" || node.kind === "followUp") return node.outcomes;
  return node.kind === "route" ? node.split : undefined;
}

/** Sets the shares of a node's out ports (portSharesOf). */
export function setPortShares(model: D, nodeId: string, shares: Record<string, number>): void {
  const node = findNode(model, nodeId);
  if (node?.kind === "work" || node?.kind === "followUp") node.outcomes = shares;
  else if (node?.kind === "route" && node.split) node.split = shares;
}

/**
 * Renames an out port of a node: a work/follow-up outcome (and its per-type shares), a route
 * split share or rule port; edges leaving the node by it follow. Keeps the order of shares.
 */
export function renameOutcome(model: D, nodeId: string, from: string, to: string): void {
  if (from === to) return;
  const node = findNode(model, nodeId);
  if (!node) return;
  if (node.kind === "work" || node.kind === "followUp") {
    if (to in node.outcomes) throw new Error(`outcome "${to}" already exists`);
    node.outcomes = renameKey(node.outcomes, from, to);
    if (node.kind === "work" && node.outcomesByType) {
      for (const type of Object.keys(node.outcomesByType)) {
        const shares = node.outcomesByType[type];
        if (shares && from in shares) node.outcomesByType[type] = renameKey(shares, from, to);
      }
    }
  } else if (node.kind === "route") {
    if (node.split) node.split = renameKey(node.split, from, to);
    for (const rule of node.rules ?? []) if (rule.port === from) rule.port = to;
  } else return;
  for (const edge of model.edges) {
    if (edge.from === nodeId && edgePort(edge) === from) edge.port = to;
  }
}

/**
 * Adds an out port with share 0 under a fresh name ("outcome", "outcome-2"... for a work or
 * follow-up step, "port"... for a route's split); returns the name.
 */
export function addOutcome(model: D, nodeId: string, base?: string): string | undefined {
  const node = findNode(model, nodeId);
  const shares = node && portSharesOf(node);
  if (!shares) return undefined;
  const name = freshName(base ?? (node.kind === "route" ? "port" : "outcome"), Object.keys(shares));
  shares[name] = 0;
  return name;
}

/**
 * Removes an out port (an outcome and its per-type shares, or a split port) and the edges
 * leaving by it; its share is spread over the ports left, so they still add up.
 */
export function removeOutcome(model: D, nodeId: string, name: string): void {
  const node = findNode(model, nodeId);
  const shares = node && portSharesOf(node);
  if (!shares) return;
  removeShare(shares, name);
  if (node.kind === "work") for (const byType of Object.values(node.outcomesByType ?? {})) removeShare(byType, name);
  model.edges = model.edges.filter((e) => !(e.from === nodeId && edgePort(e) === name));
}

/**
 * Removes `key` from named shares and spreads its share over the rest in proportion to
 * theirs (equally when the rest are all 0), so a list that added up to 1 still does.
 */
export function removeShare(shares: Record<string, number>, key: string): void {
  const removed = shares[key] ?? 0;
  delete shares[key];
  const keys = Object.keys(shares);
  if (keys.length === 0 || removed === 0) return;
  const rest = sumShares(shares);
  for (const k of keys) {
    const share = shares[k] ?? 0;
    shares[k] = Number((share + (rest > 0 ? (removed * share) / rest : removed / keys.length)).toPrecision(12));
  }
}

/**
 * The id a name typed by a person stands for: "Tier 1" -> "tier-1", "Needs evidence" ->
 * "needs-evidence", "L2 queue" -> "L2-queue" (words in capitals keep them). humaniseName
 * reads it back as the name, so ports and outcomes take spaces while ids stay ids.
 */
export function idFromName(name: string): string {
  return name
    .trim()
    .split(/[^A-Za-z0-9_]+/)
    .filter((w) => w !== "")
    .map((w) => (/^[A-Z0-9]+$/.test(w) || /[a-z][A-Z]/.test(w) ? w : w.toLowerCase()))
    .join("-");
}

/** Scales shares so they add up to 1 (all zero: equal shares). Returns the same object, changed. */
export function normaliseShares(shares: Record<string, number>): Record<string, number> {
  const keys = Object.keys(shares);
  const total = keys.reduce((sum, k) => sum + (shares[k] ?? 0), 0);
  for (const key of keys) shares[key] = total > 0 ? (shares[key] ?? 0) / total : 1 / keys.length;
  return shares;
}

/** Sum of shares. */
export function sumShares(shares: Record<string, number> | undefined): number {
  return Object.values(shares ?? {}).reduce((a, b) => a + b, 0);
}

/** Adds a shift to a team's schedule (creating the schedule); defaults to a weekday day shift. */
export function addShift(model: D, teamId: string, shift?: Shift): void {
  const team = model.teams.find((t) => t.id === teamId);
  if (!team) return;
  team.schedule ??= [];
  team.schedule.push(
    shift ?? { days: ["mon", "tue", "wed", "thu", "fri"], from: "08:00", to: "17:00", agents: team.agents },
  );
}

/** Removes shift `index`; an emptied schedule is dropped so `agents` applies again. */
export function removeShift(model: D, teamId: string, index: number): void {
  const team = model.teams.find((t) => t.id === teamId);
  if (!team?.schedule) return;
  team.schedule.splice(index, 1);
  if (team.schedule.length === 0) delete team.schedule;
}

/** Cost of an agent hour for a team made in the editor (a blank flow's L1 or "Add team"), in currency units. */
export const DEFAULT_COST_PER_HOUR = 30;

/** Adds a team with a fresh id (from its name when given) and returns the id. */
export function addTeam(
  model: D,
  base = "team",
  given: { name?: string; tier?: number; agents?: number } = {},
): string {
  const id = freshName(
    (given.name && idFromName(given.name).toLowerCase()) || base,
    model.teams.map((t) => t.id),
  );
  const tier = Math.max(0, ...model.teams.map((t) => t.tier)) + (model.teams.length ? 0 : 1);
  const team: Team = {
    id,
    name: given.name?.trim() || "New team",
    tier: given.tier ?? Math.max(1, tier),
    agents: given.agents ?? 5,
    concurrency: 1,
    costPerHour: DEFAULT_COST_PER_HOUR,
  };
  model.teams.push(team);
  return id;
}

/** Removes a team; work nodes that used it keep the id (validation then names them). */
export function removeTeam(model: D, teamId: string): void {
  model.teams = model.teams.filter((t) => t.id !== teamId);
}

/** Adds a contact type with a fresh id and returns the id. */
export function addContactType(model: D, base = "type"): string {
  const id = freshName(
    base,
    model.contactTypes.map((c) => c.id),
  );
  model.contactTypes.push({ id, name: "" });
  return id;
}

/** Removes a contact type and its keys in mixes and per-type fields. */
export function removeContactType(model: D, typeId: string): void {
  model.contactTypes = model.contactTypes.filter((c) => c.id !== typeId);
  for (const node of model.nodes) {
    if (node.kind === "channel" && node.mix) delete node.mix[typeId];
    if (node.kind === "selfService" && typeof node.deflection === "object") delete node.deflection[typeId];
    if (node.kind === "work") {
      if (node.handleTimeByType) delete node.handleTimeByType[typeId];
      if (node.outcomesByType) delete node.outcomesByType[typeId];
      if (node.handleTimeByType && Object.keys(node.handleTimeByType).length === 0) delete node.handleTimeByType;
      if (node.outcomesByType && Object.keys(node.outcomesByType).length === 0) delete node.outcomesByType;
    }
  }
}

/** Moves an item of a list from one index to another (rules, shifts). */
export function moveItem<T>(list: T[], from: number, to: number): void {
  if (to < 0 || to >= list.length || from === to) return;
  const [item] = list.splice(from, 1);
  if (item !== undefined) list.splice(to, 0, item);
}

/** Switches a route between ordered rules and a probabilistic split, keeping its ports. */
export function setRouteMode(model: D, nodeId: string, mode: "rules" | "split"): void {
  const node = findNode(model, nodeId);
  if (node?.kind !== "route") return;
  if (mode === "split" && !node.split) {
    const ports = [...new Set([...(node.rules ?? []).map((r) => r.port), "otherwise"])];
    node.split = Object.fromEntries(ports.map((p) => [p, 1 / ports.length]));
    delete node.rules;
  } else if (mode === "rules" && node.split) {
    const ports = Object.keys(node.split).filter((p) => p !== "otherwise");
    node.rules = ports.map((port) => ({ if: {}, port }));
    delete node.split;
  }
}

/**
 * A distribution of another kind with about the same mean (and spread where both have one),
 * so switching kinds in the editor does not jump to nonsense.
 */
export function convertDist(dist: Dist, kind: DistKind): Dist {
  const mean = finiteOr(distMean(dist), 0);
  const sd = "sd" in dist ? dist.sd : mean / 2;
  switch (kind) {
    case "fixed":
      return { dist: "fixed", value: mean };
    case "exponential":
      return { dist: "exponential", mean };
    case "lognormal":
    case "gamma":
    case "normal":
      return { dist: kind, mean, sd };
    case "erlang":
      return { dist: "erlang", k: 2, mean };
    case "triangular":
      return { dist: "triangular", min: mean / 2, mode: mean, max: mean * 1.5 };
    case "uniform":
      return { dist: "uniform", min: mean / 2, max: mean * 1.5 };
    case "empirical":
      return { dist: "empirical", values: [mean] };
    case "mixture":
      return {
        dist: "mixture",
        parts: [{ weight: 1, dist: dist.dist === "mixture" ? convertDist(dist, "fixed") : dist }],
      };
  }
}

/** Renames top-level keys of a record, keeping their order. */
export function renameKey<T>(record: Record<string, T>, from: string, to: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) out[key === from ? to : key] = value;
  return out;
}

/** A name based on `base` that is not among `taken`: "base", "base-2", "base-3"... */
export function freshName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * Sets the port of route rule `index`. When no other rule still leaves by the old port and
 * no edge leaves by the new one yet, the edges of the old port follow the rename.
 */
export function setRulePort(model: D, nodeId: string, index: number, port: string): void {
  const node = findNode(model, nodeId);
  const rule = node?.kind === "route" ? node.rules?.[index] : undefined;
  if (node?.kind !== "route" || !rule || rule.port === port) return;
  const old = rule.port;
  rule.port = port;
  const stillUsed = (node.rules ?? []).some((r) => r.port === old);
  const leaving = (p: string) => model.edges.filter((e) => e.from === nodeId && edgePort(e) === p);
  if (!stillUsed && old !== "otherwise" && leaving(port).length === 0)
    for (const edge of leaving(old)) edge.port = port;
}

/** Sets or clears one condition of route rule `index` (undefined or empty list: no test). */
export function setRuleCondition<K extends keyof Condition>(
  model: D,
  nodeId: string,
  index: number,
  key: K,
  value: Condition[K] | undefined,
): void {
  const node = findNode(model, nodeId);
  const rule = node?.kind === "route" ? node.rules?.[index] : undefined;
  if (!rule) return;
  const empty = value === undefined || (Array.isArray(value) && value.length === 0);
  if (empty) delete rule.if[key];
  else rule.if[key] = value as Draft<Condition>[K];
}

/** Adds a rule that leaves by a fresh port ("rule", "rule-2"...). */
export function addRule(model: D, nodeId: string): void {
  const node = findNode(model, nodeId);
  if (node?.kind !== "route") return;
  node.rules ??= [];
  node.rules.push({
    if: {},
    port: freshName(
      "rule",
      node.rules.map((r) => r.port),
    ),
  });
}

/** Removes rule `index` and the edges leaving by its port if no other rule uses it. */
export function removeRule(model: D, nodeId: string, index: number): void {
  const node = findNode(model, nodeId);
  if (node?.kind !== "route" || !node.rules?.[index]) return;
  const [rule] = node.rules.splice(index, 1);
  if (rule && !node.rules.some((r) => r.port === rule.port) && rule.port !== "otherwise") {
    model.edges = model.edges.filter((e) => !(e.from === nodeId && edgePort(e) === rule.port));
  }
}

// helpers

/**
 * Renames the item `from` of `items` to `to` (throws when `to` is invalid or taken); false
 * when there is nothing to do (the same id, or no such item), so references stay as they are.
 */
function renameIn(items: { id: string }[], from: string, to: string): boolean {
  if (from === to) return false;
  const problem = checkNewId(
    to,
    items.map((item) => item.id),
  );
  if (problem) throw new Error(problem);
  const item = items.find((i) => i.id === from);
  if (!item) return false;
  item.id = to;
  return true;
}

function renameScenarioPaths(model: D, fromPrefix: string, toPrefix: string): void {
  for (const scenario of model.scenarios) {
    if (Object.keys(scenario.set).some((k) => k.startsWith(fromPrefix))) {
      scenario.set = renamePrefix(scenario.set, fromPrefix, toPrefix);
    }
    if (scenario.scale && Object.keys(scenario.scale).some((k) => k.startsWith(fromPrefix))) {
      scenario.scale = renamePrefix(scenario.scale, fromPrefix, toPrefix);
    }
    if (scenario.add && Object.keys(scenario.add).some((k) => k.startsWith(fromPrefix))) {
      scenario.add = renamePrefix(scenario.add, fromPrefix, toPrefix);
    }
  }
}

function renamePrefix<T>(record: Record<string, T>, from: string, to: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(record))
    out[key.startsWith(from) ? to + key.slice(from.length) : key] = value;
  return out;
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
