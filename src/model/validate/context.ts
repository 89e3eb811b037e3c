/**
 * What every validation rule shares: the model, the list of diagnostics being built, and
 * the way things are named to a process designer ("L1 answers" (l1-phone), team
 * "L1 front line" (l1)). Rules add diagnostics in model order, so the result is deterministic.
 */
import type { Diagnostic, Severity } from "../diagnostics";
import { nodeName } from "../ports";
import type { Edge, Model, Node } from "../schema";

/** Two numbers this close are equal when shares are added up (DESIGN.md: within 1e-6). */
export const SHARE_TOLERANCE = 1e-6;

/** Where a diagnostic points, besides its path. */
export interface Place {
  nodeId?: string;
  edgeId?: string;
  teamId?: string;
}

/** The model under validation and the diagnostics found so far. */
export class Checker {
  readonly diagnostics: Diagnostic[] = [];
  /** Nodes by id (the first of duplicates wins, as in the simulator). */
  readonly nodesById = new Map<string, Node>();

  constructor(readonly model: Model) {
    for (const node of list(model.nodes)) {
      if (node && typeof node.id === "string" && !this.nodesById.has(node.id)) this.nodesById.set(node.id, node);
    }
  }

  error(path: string, message: string, place: Place = {}): void {
    this.add("error", path, message, place);
  }

  warning(path: string, message: string, place: Place = {}): void {
    this.add("warning", path, message, place);
  }

  add(severity: Severity, path: string, message: string, place: Place): void {
    this.diagnostics.push({ severity, message, path, ...place });
  }
}

/** A list that may be missing on an odd model (built by hand, not decoded). */
export function list<T>(value: readonly T[] | undefined | null): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** `"L1 front line" (l1)`: a team, contact type or scenario by name and id. */
export function namedName(thing: { id: string; name?: string }): string {
  return nodeName({ id: thing.id, label: thing.name });
}

/** `"L1 answers" (l1-phone)`: a step by label and id. */
export function stepName(node: { id: string; label?: string }): string {
  return nodeName(node);
}

/** `connection "e2" from "L1 answers" (l1-phone) to "Done" (done)`, naming unknown ends by id. */
export function edgeName(edge: Edge, nodesById: ReadonlyMap<string, Node>): string {
  const end = (id: string) => {
    const node = nodesById.get(id);
    return node ? nodeName(node) : `"${id}"`;
  };
  return `connection "${edge.id}" from ${end(edge.from)} to ${end(edge.to)}`;
}

/** Capitalises the first letter of a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A list of names for a message: `a, b and c`, or `none`. */
export function listNames(names: readonly string[]): string {
  if (names.length === 0) return "none";
  if (names.length === 1) return names[0] as string;
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** Whether a value is a finite number. */
export function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** A number for a message: at most two decimals, more when two would round a near miss to a whole. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const short = value.toFixed(2);
  if (Math.abs(Number(short) - value) > SHARE_TOLERANCE && Number.isInteger(Number(short))) {
    return String(Number(value.toPrecision(6)));
  }
  return short;
}
